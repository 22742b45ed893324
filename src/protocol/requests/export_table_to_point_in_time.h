// ExportTableToPointInTime's request:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct IncrementalExportSpecification {
  std::optional<double> export_from_time;       // inclusive; required in practice (checked by the operation)
  std::optional<double> export_to_time;         // exclusive; Default: now
  std::optional<std::string> export_view_type;  // NEW_IMAGE | NEW_AND_OLD_IMAGES; Default: NEW_AND_OLD_IMAGES
};

struct ExportTableToPointInTimeRequest {
  std::string table_arn;                    // required
  std::optional<double> export_time;        // epoch seconds; Default: now
  std::optional<std::string> client_token;  // idempotency, 8 hours
  std::string s3_bucket;                    // required
  std::optional<std::string> s3_bucket_owner;
  std::optional<std::string> s3_prefix;
  std::optional<std::string> s3_sse_algorithm;  // AES256 | KMS; Default: AES256
  std::optional<std::string> s3_sse_kms_key_id;
  std::optional<std::string> export_format;  // DYNAMODB_JSON | ION; Default: DYNAMODB_JSON
  std::optional<std::string> export_type;    // FULL_EXPORT | INCREMENTAL_EXPORT; Default: FULL_EXPORT
  std::optional<IncrementalExportSpecification> incremental_export_specification;
};

Result<ExportTableToPointInTimeRequest> read_export_table_to_point_in_time(const JsonValue& json);

}  // namespace eddy::protocol
