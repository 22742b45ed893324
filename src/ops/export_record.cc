// ExportRecord as ExportDescription JSON; see export_record.h.
#include "ops/export_record.h"

#include "ops/json_members.h"

namespace eddy::ops {

void write_export_description(JsonWriter& w, const ExportRecord& r) {
  write_nonempty(w, "ExportArn", r.export_arn);
  write_nonempty(w, "ExportStatus", r.export_status);
  write_time(w, "StartTime", r.start_time);
  write_time(w, "EndTime", r.end_time);
  write_nonempty(w, "ExportManifest", r.export_manifest);
  write_nonempty(w, "TableArn", r.table_arn);
  write_nonempty(w, "TableId", r.table_id);
  write_time(w, "ExportTime", r.export_time);
  write_nonempty(w, "ClientToken", r.client_token);
  write_nonempty(w, "S3Bucket", r.s3_bucket);
  write_nonempty(w, "S3BucketOwner", r.s3_bucket_owner);
  write_nonempty(w, "S3Prefix", r.s3_prefix);
  write_nonempty(w, "S3SseAlgorithm", r.s3_sse_algorithm);
  write_nonempty(w, "S3SseKmsKeyId", r.s3_sse_kms_key_id);
  write_nonempty(w, "FailureCode", r.failure_code);
  write_nonempty(w, "FailureMessage", r.failure_message);
  write_nonempty(w, "ExportFormat", r.export_format);
  if (r.export_status == "COMPLETED") {
    w.Key("BilledSizeBytes");
    w.Int64(r.billed_size_bytes);
    w.Key("ItemCount");
    w.Int64(r.item_count);
  }
  write_nonempty(w, "ExportType", r.export_type);
  if (r.export_type == "INCREMENTAL_EXPORT") {
    w.Key("IncrementalExportSpecification");
    w.StartObject();
    write_time(w, "ExportFromTime", r.export_from_time);
    write_time(w, "ExportToTime", r.export_to_time);
    write_nonempty(w, "ExportViewType", r.export_view_type);
    w.EndObject();
  }
}

std::optional<ExportRecord> read_export_record(const JsonValue& json) {
  if (!json.IsObject()) return std::nullopt;
  ExportRecord r;
  read_member(json, "ExportArn", r.export_arn);
  read_member(json, "ExportStatus", r.export_status);
  read_member(json, "StartTime", r.start_time);
  read_member(json, "EndTime", r.end_time);
  read_member(json, "ExportManifest", r.export_manifest);
  read_member(json, "TableArn", r.table_arn);
  read_member(json, "TableId", r.table_id);
  read_member(json, "ExportTime", r.export_time);
  read_member(json, "ClientToken", r.client_token);
  read_member(json, "S3Bucket", r.s3_bucket);
  read_member(json, "S3BucketOwner", r.s3_bucket_owner);
  read_member(json, "S3Prefix", r.s3_prefix);
  read_member(json, "S3SseAlgorithm", r.s3_sse_algorithm);
  read_member(json, "S3SseKmsKeyId", r.s3_sse_kms_key_id);
  read_member(json, "FailureCode", r.failure_code);
  read_member(json, "FailureMessage", r.failure_message);
  read_member(json, "ExportFormat", r.export_format);
  read_member(json, "BilledSizeBytes", r.billed_size_bytes);
  read_member(json, "ItemCount", r.item_count);
  read_member(json, "ExportType", r.export_type);
  if (auto spec = json.FindMember("IncrementalExportSpecification");
      spec != json.MemberEnd() && spec->value.IsObject()) {
    read_member(spec->value, "ExportFromTime", r.export_from_time);
    read_member(spec->value, "ExportToTime", r.export_to_time);
    read_member(spec->value, "ExportViewType", r.export_view_type);
  }
  if (r.export_arn.empty()) return std::nullopt;
  return r;
}

}  // namespace eddy::ops
