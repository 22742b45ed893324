// Finding an export folder's data files; see export_folder.h.
#include "export/export_folder.h"

#include <algorithm>

#include "export/manifest.h"
#include "export/s3_folder.h"
#include "model/result.h"

namespace eddy::exports {
namespace {

DataFileRef ref_of(const std::filesystem::path& path) {
  DataFileRef ref{path};
  std::string name = path.filename().string();
  if (name.ends_with(".gz")) {
    ref.compression = Compression::kGzip;
    name.resize(name.size() - 3);
  } else if (name.ends_with(".zst") || name.ends_with(".zstd")) {
    ref.compression = Compression::kZstd;
    name.resize(name.rfind('.'));
  }
  if (name.ends_with(".ion")) ref.format = InputFormat::kIon;
  if (name.ends_with(".csv")) ref.format = InputFormat::kCsv;
  return ref;
}

// The folder holding manifest-files.json: `folder` itself, or its one AWSDynamoDB/<id>/.
Result<std::optional<std::filesystem::path>> export_root(const std::filesystem::path& folder) {
  std::error_code error;
  if (std::filesystem::exists(folder / "manifest-files.json", error)) return std::optional{folder};
  std::filesystem::path exports_folder = folder / "AWSDynamoDB";
  if (!std::filesystem::is_directory(exports_folder, error)) return std::optional<std::filesystem::path>{};
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(exports_folder, error)) {
    if (std::filesystem::exists(entry.path() / "manifest-files.json", error)) found.push_back(entry.path());
  }
  if (found.size() > 1) {
    return validation_error(folder.string() + " holds " + std::to_string(found.size()) +
                            " exports: name one of its AWSDynamoDB/<ExportId> folders");
  }
  if (found.empty()) return std::optional<std::filesystem::path>{};
  return std::optional{found.front()};
}

}  // namespace

Result<std::vector<DataFileRef>> data_files_of(const std::filesystem::path& folder) {
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) return validation_error(folder.string() + " is not a folder");
  EDDY_TRY(auto root, export_root(folder));
  std::vector<DataFileRef> files;
  if (root) {
    EDDY_TRY(std::string manifest, read_file(*root / "manifest-files.json"));
    EDDY_TRY(auto entries, read_manifest_files(manifest));
    // A key is the file's S3 key; the download keeps the layout below AWSDynamoDB/<id>/.
    for (const auto& entry : entries) {
      std::string name = entry.data_file_key.substr(entry.data_file_key.rfind('/') + 1);
      files.push_back(ref_of(*root / "data" / name));
    }
    return files;
  }
  EDDY_TRY(auto keys, keys_with_prefix(folder, ""));
  for (const auto& key : keys) {
    if (!is_export_metadata_key(key)) files.push_back(ref_of(folder / key));
  }
  return files;
}

}  // namespace eddy::exports
