// ImportRecord: what eddy keeps of one ImportTable. Persisted as its own ImportTableDescription
// JSON (what DescribeImport answers with); ListImports answers with a part of it (ImportSummary).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::ops {

struct ImportRecord {
  std::string import_arn;                     // <TableArn>/import/<ImportId>
  std::string import_status = "IN_PROGRESS";  // IN_PROGRESS | COMPLETED | FAILED
  std::string table_arn;
  std::string table_id;
  std::string client_token;
  std::string s3_bucket_owner;
  std::string s3_bucket;
  std::string s3_key_prefix;
  int64_t error_count = 0;
  std::string cloudwatch_log_group_arn;
  std::string input_format;
  std::optional<std::string> csv_delimiter;  // InputFormatOptions.Csv, as sent
  std::optional<std::vector<std::string>> csv_header_list;
  std::string input_compression_type = "NONE";
  std::string table_creation_parameters;  // the JSON object as sent
  double start_time = 0;
  double end_time = 0;
  int64_t processed_size_bytes = 0;
  int64_t processed_item_count = 0;
  int64_t imported_item_count = 0;
  std::string failure_code;
  std::string failure_message;
};

// The members of ImportTableDescription, or of ImportSummary when `summary`.
void write_import_description(JsonWriter& writer, const ImportRecord& record, bool summary = false);
std::optional<ImportRecord> read_import_record(const JsonValue& json);

}  // namespace eddy::ops
