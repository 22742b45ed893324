// Writing an export in the background; see export_job.h.
#include "ops/export_job.h"

#include <spdlog/spdlog.h>

#include "model/result.h"

namespace eddy::ops {
namespace {

Result<void> write_export(engine::Database& database, const ExportJob& job, ExportRecord& record, double end_time) {
  exports::ExportWriter writer(job.bucket, record.s3_prefix, job.export_id, job.format);
  EDDY_TRY_VOID(writer.start());
  auto reader = database.read(engine::ItemRange::scan(*job.table, nullptr), true, job.snapshot.get());
  for (; reader.valid(); reader.next()) {
    EDDY_TRY(Item item, reader.item());
    EDDY_TRY_VOID(writer.add(item));
  }
  EDDY_TRY_VOID(reader.status());
  exports::ExportManifest manifest;
  manifest.export_arn = record.export_arn;
  manifest.start_time = record.start_time;
  manifest.end_time = end_time;
  manifest.table_arn = record.table_arn;
  manifest.table_id = record.table_id;
  manifest.export_time = record.export_time;
  manifest.s3_bucket = record.s3_bucket;
  manifest.s3_prefix = record.s3_prefix;
  manifest.s3_sse_algorithm = record.s3_sse_algorithm;
  manifest.export_type = record.export_type;
  EDDY_TRY_VOID(writer.finish(manifest));
  record.item_count = writer.item_count();
  record.billed_size_bytes = writer.billed_size_bytes();
  return {};
}

}  // namespace

void perform_export(engine::Database& database, TransferJobs& jobs, const Clock& clock, const ExportJob& job) {
  ExportRecord record = job.record;
  double end_time = clock.now();
  if (auto written = write_export(database, job, record, end_time); written) {
    record.export_status = "COMPLETED";
  } else {
    spdlog::warn("export {} failed: {}", record.export_arn, written.error().message);
    record.export_status = "FAILED";
    record.failure_code = "S3WriteFailed";
    record.failure_message = written.error().message;
  }
  record.end_time = end_time;
  if (auto stored = jobs.put_export(record); !stored) {
    spdlog::warn("export {}: its record was not stored: {}", record.export_arn, stored.error().message);
  }
}

}  // namespace eddy::ops
