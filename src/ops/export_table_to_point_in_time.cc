// ExportTableToPointInTime:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html
// The request takes a storage snapshot and answers IN_PROGRESS at once; TransferJobs' thread writes
// the folder from that snapshot (ops/export_job.h): a FULL_EXPORT of the table as it is now, or as
// it was at a past ExportTime inside the point-in-time recovery window (replayed from its log), or
// an INCREMENTAL_EXPORT of the items changed in a period of that window. The time checks are in
// ops/export_period.h. At most 300 exports are in progress at once, as on AWS.
#include <cmath>

#include "model/errors.h"
#include "ops/export_period.h"

#include "export/s3_folder.h"
#include "model/result.h"
#include "ops/export_job.h"
#include "ops/operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {
namespace {

constexpr double kClientTokenSeconds = 8 * 3600;  // a ClientToken is remembered for 8 hours

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

constexpr std::size_t kMaxExportsInProgress = 300;

Result<void> check_export_limit(const TransferJobs& jobs) {
  std::size_t in_progress = 0;
  for (const auto& record : jobs.exports()) in_progress += record.export_status == "IN_PROGRESS" ? 1 : 0;
  if (in_progress < kMaxExportsInProgress) return {};
  return fail(errors::subscriber_limit_exceeded("Only " + std::to_string(kMaxExportsInProgress) +
                                                " exports can be in progress at a time"));
}

// The job and its record, IN_PROGRESS.
ExportJob job_of(RequestContext& context, const p::ExportTableToPointInTimeRequest& request,
                 const engine::TablePtr& table, const ExportPeriod& period, double now) {
  std::string prefix = request.s3_prefix.value_or("");
  ExportJob job;
  job.time_ms = period.time_ms;
  job.from_ms = period.from_ms;
  job.to_ms = period.to_ms;
  job.pause_after_items = context.state.settings.pause_transfers_after_items;
  job.export_id = new_transfer_id(now);
  job.table = table;
  job.format =
      request.export_format.value_or("") == "ION" ? exports::ExportFormat::kIon : exports::ExportFormat::kDynamoDbJson;
  ExportRecord& record = job.record;
  record.export_arn = table->arn() + "/export/" + job.export_id;
  record.start_time = std::floor(now * 1000) / 1000;
  record.export_manifest =
      exports::join_key(exports::join_key(prefix, "AWSDynamoDB/" + job.export_id), "manifest-summary.json");
  record.table_arn = table->arn();
  record.table_id = table->table_id;
  record.export_type = request.export_type.value_or("FULL_EXPORT");
  if (record.export_type == "INCREMENTAL_EXPORT") {
    const auto& specification = *request.incremental_export_specification;
    record.export_from_time = period.from;
    record.export_to_time = period.to;
    record.export_view_type = specification.export_view_type.value_or("NEW_AND_OLD_IMAGES");
    job.old_images = record.export_view_type == "NEW_AND_OLD_IMAGES";
  } else {
    record.export_time = period.export_time;
  }
  record.client_token = request.client_token.value_or("");
  record.s3_bucket = request.s3_bucket;
  record.s3_bucket_owner = request.s3_bucket_owner.value_or("");
  record.s3_prefix = prefix;
  record.s3_sse_algorithm = request.s3_sse_algorithm.value_or("AES256");
  record.s3_sse_kms_key_id = request.s3_sse_kms_key_id.value_or("");
  record.export_format = exports::format_name(job.format);
  return job;
}

}  // namespace

Result<std::string> export_table_to_point_in_time(RequestContext& context,
                                                  const p::ExportTableToPointInTimeRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  EDDY_TRY_VOID(check_export_type(request));
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
  double earliest = 0;
  if (table->pitr.enabled) {
    EDDY_TRY(uint64_t base_ms, context.database().point_in_time_log().base_ms(table->id));
    earliest = static_cast<double>(base_ms) / 1000;
  }
  EDDY_TRY(ExportPeriod period, export_period_of(request, *table, earliest, now));
  EDDY_TRY_VOID(check_export_limit(*jobs));
  ExportJob job = job_of(context, request, table, period, now);
  job.bucket = bucket;
  const ExportRecord& record = job.record;
  EDDY_TRY_VOID(jobs->put_export(record));
  job.snapshot = context.database().read_view();
  engine::Database& database = context.database();
  const Clock& clock = context.state.clock;
  jobs->run([&database, jobs, &clock, job] { perform_export(database, *jobs, clock, job); });
  return description_response(record);
}

}  // namespace eddy::ops
