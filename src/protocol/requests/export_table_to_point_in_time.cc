// ExportTableToPointInTime's request declared; see export_table_to_point_in_time.h.
#include "protocol/requests/export_table_to_point_in_time.h"

#include "model/result.h"
#include "protocol/requests/transfer_members.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

using R = ExportTableToPointInTimeRequest;

constexpr std::string_view kSseAlgorithms[] = {"AES256", "KMS"};
constexpr std::string_view kExportFormats[] = {"DYNAMODB_JSON", "ION"};
constexpr std::string_view kExportTypes[] = {"FULL_EXPORT", "INCREMENTAL_EXPORT"};
constexpr std::string_view kExportViewTypes[] = {"NEW_IMAGE", "NEW_AND_OLD_IMAGES"};

const Shape<IncrementalExportSpecification>& incremental_shape() {
  using S = IncrementalExportSpecification;
  static const Shape<S> shape{
      "IncrementalExportSpecification",
      {
          custom_member<S>("ExportFromTime",
                           [](const JsonValue* value, S& out) { return read_timestamp(value, out.export_from_time); }),
          custom_member<S>("ExportToTime",
                           [](const JsonValue* value, S& out) { return read_timestamp(value, out.export_to_time); }),
          member("ExportViewType", &S::export_view_type, {one_of(kExportViewTypes)}),
      }};
  return shape;
}

}  // namespace

Result<ExportTableToPointInTimeRequest> read_export_table_to_point_in_time(const JsonValue& json) {
  static const Shape<R> shape{
      {
          member("TableArn", &R::table_arn, {required()}),
          custom_member<R>("ExportTime",
                           [](const JsonValue* value, R& out) { return read_timestamp(value, out.export_time); }),
          member("ClientToken", &R::client_token),
          member("S3Bucket", &R::s3_bucket, {required(), length(0, 255)}),
          member("S3BucketOwner", &R::s3_bucket_owner),
          member("S3Prefix", &R::s3_prefix, {length(0, 1024)}),
          member("S3SseAlgorithm", &R::s3_sse_algorithm, {one_of(kSseAlgorithms)}),
          member("S3SseKmsKeyId", &R::s3_sse_kms_key_id, {length(1, 2048)}),
          member("ExportFormat", &R::export_format, {one_of(kExportFormats)}),
          member("ExportType", &R::export_type, {one_of(kExportTypes)}),
          member("IncrementalExportSpecification", &R::incremental_export_specification, incremental_shape()),
      },
      {[](R& request, const JsonValue&) { return check_client_token(request.client_token); }}};
  return shape.read(json);
}

}  // namespace eddy::protocol
