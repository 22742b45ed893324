// The manifests of an export folder, as DynamoDB writes them
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html):
//   <prefix>/AWSDynamoDB/<ExportId>/manifest-summary.json   one JSON object (ExportManifest below)
//   <prefix>/AWSDynamoDB/<ExportId>/manifest-summary.checksum  the summary's MD5, in hex
//   <prefix>/AWSDynamoDB/<ExportId>/manifest-files.json     one JSON object per line (DataFileEntry)
//   <prefix>/AWSDynamoDB/<ExportId>/manifest-files.checksum
//   <prefix>/AWSDynamoDB/<ExportId>/_started                 empty, written first
//   <prefix>/AWSDynamoDB/<ExportId>/data/<26 random [a-z2-7]>.json.gz | .ion.gz   (a full export)
//   <prefix>/AWSDynamoDB/data/<26 random [a-z2-7]>.json.gz | .ion.gz     (an incremental export: the
//                                                  data folder all incremental exports share)
// An incremental export's summary is version 2023-08-01 and has exportFromTime, exportToTime and
// outputView instead of exportTime.
// Times are ISO 8601 in UTC with milliseconds ("2020-11-04T07:28:34.028Z").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"

namespace eddy::exports {

inline constexpr std::string_view kManifestVersion = "2020-06-30";
inline constexpr std::string_view kIncrementalManifestVersion = "2023-08-01";

struct ExportManifest {
  std::string export_arn;
  double start_time = 0;
  double end_time = 0;
  std::string table_arn;
  std::string table_id;
  double export_time = 0;
  std::string s3_bucket;
  std::string s3_prefix;  // empty: none (null in the file)
  std::string s3_sse_algorithm = "AES256";
  std::string manifest_files_key;
  int64_t billed_size_bytes = 0;
  int64_t item_count = 0;
  std::string output_format = "DYNAMODB_JSON";
  std::string export_type = "FULL_EXPORT";
  // INCREMENTAL_EXPORT only:
  double export_from_time = 0;
  double export_to_time = 0;
  std::string output_view;  // NEW_IMAGE | NEW_AND_OLD_IMAGES
};

struct DataFileEntry {
  int64_t item_count = 0;
  std::string md5_checksum;  // base64 of the file's MD5
  std::string etag;          // hex of the file's MD5
  std::string data_file_key;
};

std::string manifest_summary_json(const ExportManifest& manifest);
std::string manifest_files_json(const std::vector<DataFileEntry>& files);
// The entries of a manifest-files.json (a real export's too); a ValidationException for a line
// that is not one.
Result<std::vector<DataFileEntry>> read_manifest_files(std::string_view text);

// "2020-11-04T07:28:34.028Z" for epoch seconds.
std::string iso8601_milliseconds(double seconds);
// The MD5 of `bytes`, raw (16 bytes).
std::string md5(std::string_view bytes);
std::string hex(std::string_view bytes);

}  // namespace eddy::exports
