// Folders standing in for S3 (`--s3-dir DIR`): bucket B is the folder DIR/B, and the object with
// key K the file DIR/B/K, '/' in a key making subfolders. Keys that would leave the bucket's
// folder ("..", an absolute path) are refused.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"

namespace eddy::exports {

// The folder of `bucket` under `s3_dir` (not created). The bucket name is checked as S3Bucket's
// pattern has it ([a-z0-9A-Z]+[.\-\w]*[a-z0-9A-Z]+), so it names one folder.
Result<std::filesystem::path> bucket_folder(const std::string& s3_dir, const std::string& bucket);
// ValidationException for a prefix that is absolute or has a ".." segment.
Result<void> check_key_prefix(std::string_view prefix, std::string_view member);
// `prefix` and `rest` joined with one '/' ("" + rest is rest).
std::string join_key(std::string_view prefix, std::string_view rest);

// The keys of every file in `bucket` that starts with `prefix`, in key order.
Result<std::vector<std::string>> keys_with_prefix(const std::filesystem::path& bucket, std::string_view prefix);

// Reads or writes a whole file; InternalServerError naming the file when the system refuses.
Result<std::string> read_file(const std::filesystem::path& path);
Result<void> write_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace eddy::exports
