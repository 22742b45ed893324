// ExportWriter: one export folder in DynamoDB's layout (manifest.h), filled item by item. Used by
// ExportTableToPointInTime (ops/) and `eddy export` (cli/). Items are written in gzip-compressed
// data files of up to kItemsPerFile items; an empty table still gets one (empty) data file, as
// DynamoDB writes one per partition.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "export/manifest.h"
#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::exports {

// Do not renumber: persisted in export records.
enum class ExportFormat { kDynamoDbJson = 0, kIon = 1 };
const char* format_name(ExportFormat format);  // "DYNAMODB_JSON", "ION"

class ExportWriter {
 public:
  static constexpr std::size_t kItemsPerFile = 100000;

  // Where the data files go: the export's own data folder, or the one incremental exports share.
  enum class DataFolder { kExport, kShared };

  // `bucket` is the bucket's folder; keys start with `prefix` (S3Prefix, may be empty).
  ExportWriter(std::filesystem::path bucket, std::string prefix, const std::string& export_id, ExportFormat format,
               DataFolder data_folder = DataFolder::kExport);

  // "<prefix>/AWSDynamoDB/<ExportId>": where the export's keys start.
  const std::string& export_key() const { return export_key_; }
  std::string summary_key() const { return join_key_of("manifest-summary.json"); }

  // Creates the folder and its empty _started file.
  Result<void> start();
  Result<void> add(const Item& item);
  // One finished line (an incremental record, incremental_record.h) of `billed_bytes`.
  Result<void> add_line(std::string_view line, int64_t billed_bytes);
  // Writes the last data file and the manifests; `manifest` brings what only the caller knows (ARNs,
  // times, bucket) and gets the counts and keys.
  Result<void> finish(ExportManifest& manifest);

  int64_t item_count() const { return item_count_; }
  int64_t billed_size_bytes() const { return billed_bytes_; }

 private:
  std::string join_key_of(std::string_view name) const;
  Result<void> write_data_file();

  std::filesystem::path bucket_;
  std::string prefix_;
  std::string export_key_;
  std::string data_key_;  // where data files go
  ExportFormat format_;
  std::string pending_;
  int64_t pending_items_ = 0;
  int64_t item_count_ = 0;
  int64_t billed_bytes_ = 0;
  std::vector<DataFileEntry> files_;
};

// A new ExportId as DynamoDB makes them: 14 digits of epoch milliseconds, '-', 8 hex digits.
std::string new_export_id(double now);

}  // namespace eddy::exports
