// Reading an import in the background; see import_job.h.
#include "ops/import_job.h"

#include <cmath>

#include <spdlog/spdlog.h>

#include "export/s3_folder.h"
#include "model/result.h"
#include "ops/item_validation.h"
#include "protocol/json.h"

namespace eddy::ops {
namespace {

// One line as the import's CloudWatch log has it.
std::string error_line(const ImportRecord& record, const std::string& key, int64_t index, const std::string& message) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("itemS3Pointer");
  w.StartObject();
  w.Key("bucket");
  w.String(record.s3_bucket.c_str());
  w.Key("key");
  w.String(key.c_str());
  w.Key("itemIndex");
  w.Int64(index);
  w.EndObject();
  w.Key("importArn");
  w.String(record.import_arn.c_str());
  w.Key("errorMessages");
  w.StartArray();
  w.String(message.c_str());
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

Result<void> import_files(engine::Database& database, TransferJobs& jobs, const ImportJob& job, ImportRecord& record) {
  std::error_code missing;
  if (!std::filesystem::is_directory(job.bucket, missing)) {
    record.failure_code = "S3NoSuchBucket";
    return validation_error("The specified bucket does not exist: " + record.s3_bucket);
  }
  EDDY_TRY(auto keys, exports::keys_with_prefix(job.bucket, record.s3_key_prefix));
  std::string errors;
  const TableDefinition& table = *job.table;
  for (const auto& key : keys) {
    if (exports::is_export_metadata_key(key) || key.starts_with(kImportErrorsFolder)) continue;
    EDDY_TRY(std::string bytes, exports::read_file(job.bucket / key));
    record.processed_size_bytes += static_cast<int64_t>(bytes.size());
    auto refuse = [&](int64_t index, const std::string& message) {
      ++record.error_count;
      ++record.processed_item_count;
      errors += error_line(record, key, index, message);
    };
    auto write = [&](const Item& item, int64_t index) -> Result<void> {
      if (auto valid = validate_item(table, item); !valid) {
        refuse(index, valid.error().message);
        return {};
      }
      auto written =
          database.write_item(table, engine::key_of(table.key, item),
                              [&](const std::optional<Item>&) -> Result<std::optional<Item>> { return item; });
      if (!written) return fail(written.error());
      ++record.processed_item_count;
      ++record.imported_item_count;
      if (job.pause_after_items > 0 && static_cast<uint64_t>(record.imported_item_count) == job.pause_after_items) {
        jobs.hold();
        return fail(ApiError::internal("eddy stopped during the import"));
      }
      return {};
    };
    EDDY_TRY_VOID(exports::read_data_file(bytes, job.source, write, refuse));
  }
  if (errors.empty()) return {};
  std::string log_key = std::string(kImportErrorsFolder) + "/" + job.import_id + "/errors.log";
  return exports::write_file(job.bucket / log_key, errors);
}

}  // namespace

void perform_import(engine::Database& database, TransferJobs& jobs, const Clock& clock, const ImportJob& job) {
  ImportRecord record = job.record;
  if (auto imported = import_files(database, jobs, job, record); imported) {
    record.import_status = "COMPLETED";
  } else if (jobs.stopping()) {
    return;  // held by a test's pause: left IN_PROGRESS, as a crash leaves it
  } else {
    spdlog::warn("import {} failed: {}", record.import_arn, imported.error().message);
    record.import_status = "FAILED";
    if (record.failure_code.empty()) record.failure_code = "InternalError";
    record.failure_message = imported.error().message;
  }
  record.end_time = std::floor(clock.now() * 1000) / 1000;  // whole milliseconds, as the start time
  auto active = database.catalog().modify(job.table->name, [&](TableDefinition& stored) -> Result<void> {
    if (stored.id == job.table->id) stored.status = "ACTIVE";
    return {};
  });
  if (!active)
    spdlog::warn("import {}: its table did not become ACTIVE: {}", record.import_arn, active.error().message);
  if (auto stored = jobs.put_import(record); !stored) {
    spdlog::warn("import {}: its record was not stored: {}", record.import_arn, stored.error().message);
  }
}

}  // namespace eddy::ops
