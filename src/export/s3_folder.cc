// Buckets and keys as folders and files; see s3_folder.h.
#include "export/s3_folder.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

namespace eddy::exports {
namespace {

bool bucket_name_ok(std::string_view name) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (name.size() < 2 || !alnum(name.front()) || !alnum(name.back())) return false;
  for (char c : name) {
    if (!alnum(c) && c != '.' && c != '-' && c != '_') return false;
  }
  return name.find("..") == std::string_view::npos;
}

}  // namespace

Result<std::filesystem::path> bucket_folder(const std::string& s3_dir, const std::string& bucket) {
  if (!bucket_name_ok(bucket)) {
    return validation_error("1 validation error detected: Value '" + bucket +
                            "' at 's3Bucket' failed to satisfy constraint: Member must satisfy regular expression "
                            "pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
  }
  return std::filesystem::path(s3_dir) / bucket;
}

Result<void> check_key_prefix(std::string_view prefix, std::string_view member) {
  bool escapes = prefix.starts_with("/");
  std::size_t at = 0;
  while (at <= prefix.size()) {
    std::size_t end = prefix.find('/', at);
    if (end == std::string_view::npos) end = prefix.size();
    if (prefix.substr(at, end - at) == "..") escapes = true;
    at = end + 1;
  }
  if (escapes) {
    return validation_error(std::string(member) + " '" + std::string(prefix) +
                            "' leaves the bucket: eddy maps keys to files, and refuses absolute keys and '..'");
  }
  return {};
}

std::string join_key(std::string_view prefix, std::string_view rest) {
  if (prefix.empty()) return std::string(rest);
  std::string key(prefix);
  if (key.back() != '/') key.push_back('/');
  key += rest;
  return key;
}

Result<std::vector<std::string>> keys_with_prefix(const std::filesystem::path& bucket, std::string_view prefix) {
  std::vector<std::string> keys;
  std::error_code error;
  if (!std::filesystem::is_directory(bucket, error)) return keys;
  for (auto it = std::filesystem::recursive_directory_iterator(bucket, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    std::string key = std::filesystem::relative(it->path(), bucket, error).generic_string();
    if (key.starts_with(prefix)) keys.push_back(std::move(key));
  }
  if (error) return fail(ApiError::internal("Cannot list " + bucket.string() + ": " + error.message()));
  std::sort(keys.begin(), keys.end());
  return keys;
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ApiError::internal("Cannot read " + path.string()));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Result<void> write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return fail(ApiError::internal("Cannot write " + path.string()));
  return {};
}

}  // namespace eddy::exports
