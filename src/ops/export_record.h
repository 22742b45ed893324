// ExportRecord: what eddy keeps of one ExportTableToPointInTime, from the request until long after
// the export is COMPLETED or FAILED. It is persisted as its own ExportDescription JSON (the
// members DescribeExport answers with), so the stored form and the answer cannot drift apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::ops {

struct ExportRecord {
  std::string export_arn;                     // <TableArn>/export/<ExportId>
  std::string export_status = "IN_PROGRESS";  // IN_PROGRESS | COMPLETED | FAILED
  double start_time = 0;
  double end_time = 0;          // 0 while IN_PROGRESS
  std::string export_manifest;  // the manifest-summary.json key
  std::string table_arn;
  std::string table_id;
  double export_time = 0;
  std::string client_token;  // empty: none sent
  std::string s3_bucket;
  std::string s3_bucket_owner;
  std::string s3_prefix;
  std::string s3_sse_algorithm = "AES256";
  std::string s3_sse_kms_key_id;
  std::string failure_code;
  std::string failure_message;
  std::string export_format = "DYNAMODB_JSON";
  int64_t billed_size_bytes = 0;
  int64_t item_count = 0;
  std::string export_type = "FULL_EXPORT";
  // INCREMENTAL_EXPORT's IncrementalExportSpecification (export_time is then 0, not shown).
  double export_from_time = 0;
  double export_to_time = 0;
  std::string export_view_type;
};

// The members of ExportDescription (written inside an object the caller opens).
void write_export_description(JsonWriter& writer, const ExportRecord& record);
// The record from its stored ExportDescription; nullopt when it is not one.
std::optional<ExportRecord> read_export_record(const JsonValue& json);

}  // namespace eddy::ops
