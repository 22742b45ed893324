// ExportTableToPointInTime:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html
// A FULL_EXPORT of the table as it is now: the request takes a storage snapshot and answers
// IN_PROGRESS at once; TransferJobs' thread writes the folder from that snapshot (ops/export_job.h).
// An ExportTime in the past needs point-in-time recovery, which eddy does not keep yet, so it is
// refused as AWS refuses it for a table without PITR; so is an INCREMENTAL_EXPORT.
#include <cmath>

#include "export/s3_folder.h"
#include "model/result.h"
#include "ops/export_job.h"
#include "ops/operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {
namespace {

constexpr double kClientTokenSeconds = 8 * 3600;  // a ClientToken is remembered for 8 hours
constexpr double kNowTolerance = 1;               // an ExportTime within a second of now is now

bool same_request(const ExportRecord& r, const p::ExportTableToPointInTimeRequest& q) {
  return r.table_arn == q.table_arn && r.s3_bucket == q.s3_bucket && r.s3_prefix == q.s3_prefix.value_or("") &&
         r.export_format == q.export_format.value_or("DYNAMODB_JSON") &&
         r.export_type == q.export_type.value_or("FULL_EXPORT");
}

std::string description_response(const ExportRecord& record) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ExportDescription");
  w.StartObject();
  write_export_description(w, record);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

ApiError pitr_unavailable(const TableDefinition& table) {
  return ApiError{ErrorCode::kPointInTimeRecoveryUnavailable,
                  "Point in time recovery is not enabled for table '" + table.name + "'",
                  {}};
}

// The ExportTime checks; the export time to record.
Result<double> export_time_of(const p::ExportTableToPointInTimeRequest& request, const TableDefinition& table,
                              double now) {
  if (request.export_type.value_or("FULL_EXPORT") == "INCREMENTAL_EXPORT") return fail(pitr_unavailable(table));
  if (!request.export_time) return now;
  if (*request.export_time > now + kNowTolerance) {
    return fail(ApiError{ErrorCode::kInvalidExportTime, "ExportTime cannot be in the future", {}});
  }
  if (*request.export_time < now - kNowTolerance) return fail(pitr_unavailable(table));
  return now;
}

}  // namespace

Result<std::string> export_table_to_point_in_time(RequestContext& context,
                                                  const p::ExportTableToPointInTimeRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  std::string prefix = request.s3_prefix.value_or("");
  EDDY_TRY_VOID(exports::check_key_prefix(prefix, "S3Prefix"));
  EDDY_TRY(auto bucket, exports::bucket_folder(jobs->s3_dir(), request.s3_bucket));
  EDDY_TRY(engine::TablePtr table, table_of_arn(context, request.table_arn));
  double now = context.now();
  if (request.client_token) {
    for (const auto& earlier : jobs->exports()) {
      if (earlier.client_token != *request.client_token || now - earlier.start_time > kClientTokenSeconds) continue;
      if (same_request(earlier, request)) return description_response(earlier);
      return fail(ApiError{
          ErrorCode::kExportConflict,
          "An export with ClientToken " + *request.client_token + " was already requested with different parameters",
          {}});
    }
  }
  EDDY_TRY(double export_time, export_time_of(request, *table, now));
  ExportJob job;
  job.export_id = new_transfer_id(now);
  job.table = table;
  job.bucket = bucket;
  job.format =
      request.export_format.value_or("") == "ION" ? exports::ExportFormat::kIon : exports::ExportFormat::kDynamoDbJson;
  ExportRecord& record = job.record;
  record.export_arn = table->arn() + "/export/" + job.export_id;
  record.start_time = std::floor(now * 1000) / 1000;
  record.export_manifest =
      exports::join_key(exports::join_key(prefix, "AWSDynamoDB/" + job.export_id), "manifest-summary.json");
  record.table_arn = table->arn();
  record.table_id = table->table_id;
  record.export_time = std::floor(export_time * 1000) / 1000;
  record.client_token = request.client_token.value_or("");
  record.s3_bucket = request.s3_bucket;
  record.s3_bucket_owner = request.s3_bucket_owner.value_or("");
  record.s3_prefix = prefix;
  record.s3_sse_algorithm = request.s3_sse_algorithm.value_or("AES256");
  record.s3_sse_kms_key_id = request.s3_sse_kms_key_id.value_or("");
  record.export_format = exports::format_name(job.format);
  record.export_type = request.export_type.value_or("FULL_EXPORT");
  EDDY_TRY_VOID(jobs->put_export(record));
  job.snapshot = context.database().read_view();
  engine::Database& database = context.database();
  const Clock& clock = context.state.clock;
  jobs->run([&database, jobs, &clock, job] { perform_export(database, *jobs, clock, job); });
  return description_response(record);
}

}  // namespace eddy::ops
