// Writing an export in the background; see export_job.h.
#include "ops/export_job.h"

#include <algorithm>
#include <cmath>

#include <spdlog/spdlog.h>

#include "export/incremental_record.h"
#include "model/result.h"

namespace eddy::ops {
namespace {

// AWS bills an incremental export for at least 10 MB of changes.
constexpr int64_t kIncrementalMinimumBilledBytes = 10000000;

Result<void> write_items(engine::Database& database, TransferJobs& jobs, const ExportJob& job,
                         exports::ExportWriter& writer) {
  auto add = [&](const Item& item) -> Result<bool> {
    EDDY_TRY_VOID(writer.add(item));
    if (job.pause_after_items > 0 && static_cast<uint64_t>(writer.item_count()) == job.pause_after_items) {
      jobs.hold();
      return fail(ApiError::internal("eddy stopped during the export"));
    }
    return true;
  };
  if (job.time_ms) {
    return database.point_in_time_log().visit_items_at(job.table->id, *job.time_ms, add, job.snapshot.get());
  }
  auto reader = database.read(engine::ItemRange::scan(*job.table, nullptr), true, job.snapshot.get());
  for (; reader.valid(); reader.next()) {
    EDDY_TRY(Item item, reader.item());
    EDDY_TRY_VOID(add(item));
  }
  return reader.status();
}

Result<void> write_changes(engine::Database& database, const ExportJob& job, exports::ExportWriter& writer) {
  auto add = [&](const engine::PointInTimeLog::ChangedItem& changed) -> Result<bool> {
    exports::IncrementalRecord record;
    record.write_timestamp_micros = changed.last_change_ms * 1000;
    record.keys = changed.key;
    if (job.old_images) record.old_image = changed.old_item;
    record.new_image = changed.new_item;
    std::string line = job.format == exports::ExportFormat::kIon ? exports::incremental_ion_line(record)
                                                                 : exports::incremental_json_line(record);
    int64_t size = static_cast<int64_t>(item_size(changed.new_item ? *changed.new_item : changed.key));
    EDDY_TRY_VOID(writer.add_line(line, size));
    return true;
  };
  return database.point_in_time_log().visit_changed_items(*job.table, job.from_ms, job.to_ms, add, job.snapshot.get());
}

Result<void> write_export(engine::Database& database, TransferJobs& jobs, const ExportJob& job, ExportRecord& record,
                          double end_time) {
  bool incremental = record.export_type == "INCREMENTAL_EXPORT";
  exports::ExportWriter writer(
      job.bucket, record.s3_prefix, job.export_id, job.format,
      incremental ? exports::ExportWriter::DataFolder::kShared : exports::ExportWriter::DataFolder::kExport);
  EDDY_TRY_VOID(writer.start());
  if (incremental) {
    EDDY_TRY_VOID(write_changes(database, job, writer));
  } else {
    EDDY_TRY_VOID(write_items(database, jobs, job, writer));
  }
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
  manifest.export_from_time = record.export_from_time;
  manifest.export_to_time = record.export_to_time;
  manifest.output_view = record.export_view_type;
  EDDY_TRY_VOID(writer.finish(manifest));
  record.item_count = writer.item_count();
  record.billed_size_bytes = writer.billed_size_bytes();
  if (incremental) record.billed_size_bytes = std::max(record.billed_size_bytes, kIncrementalMinimumBilledBytes);
  return {};
}

}  // namespace

void perform_export(engine::Database& database, TransferJobs& jobs, const Clock& clock, const ExportJob& job) {
  ExportRecord record = job.record;
  // Whole milliseconds, as the start time: the record stores seconds as a double and reads them back.
  double end_time = std::floor(clock.now() * 1000) / 1000;
  if (auto written = write_export(database, jobs, job, record, end_time); written) {
    record.export_status = "COMPLETED";
  } else if (jobs.stopping()) {
    return;  // held by a test's pause: left IN_PROGRESS, as a crash leaves it
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
