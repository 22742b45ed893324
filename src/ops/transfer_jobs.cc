// The export and import records and their background thread; see transfer_jobs.h.
#include "ops/transfer_jobs.h"

#include <cmath>
#include <map>

#include <spdlog/spdlog.h>

#include "model/result.h"
#include "protocol/json_parse.h"

namespace eddy::ops {
namespace {

constexpr const char* kExportsSetting = "exports";
constexpr const char* kImportsSetting = "imports";
constexpr const char* kInterrupted = "eddy stopped before this finished";

template <typename Record, typename Read>
Result<std::vector<Record>> load_records(engine::Database& database, const char* setting, Read read) {
  std::vector<Record> records;
  EDDY_TRY(auto stored, database.read_setting(setting));
  if (!stored) return records;
  JsonDocument document;
  if (parse_json(*stored, document) != JsonParseOutcome::kParsed || !document.IsArray()) {
    spdlog::warn("the stored {} are not a JSON list; they are ignored", setting);
    return records;
  }
  for (const auto& value : document.GetArray()) {
    if (auto record = read(value)) records.push_back(std::move(*record));
  }
  return records;
}

template <typename Record, typename Write>
Result<void> store_records(engine::Database& database, const char* setting, const std::vector<Record>& records,
                           Write write) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartArray();
  for (const auto& record : records) {
    w.StartObject();
    write(w, record);
    w.EndObject();
  }
  w.EndArray();
  return database.write_setting(setting, std::string_view(buffer.GetString(), buffer.GetSize()));
}

// The table of an import that never finished holds part of its data and would stay CREATING:
// it goes, as AWS's does when an import fails before its table is made whole.
Result<void> remove_half_made_table(engine::Database& database, const ImportRecord& record) {
  auto at = record.table_arn.rfind(":table/");
  if (at == std::string::npos) return {};
  std::string name = record.table_arn.substr(at + 7);
  engine::TablePtr table = database.catalog().find(name);
  if (table == nullptr || table->table_id != record.table_id || table->status != "CREATING") return {};
  spdlog::warn("import {} was cut short: its table {} is deleted", record.import_arn, name);
  EDDY_TRY_VOID(database.delete_table(name, [](const TableDefinition&) -> Result<void> { return {}; }));
  return {};
}

}  // namespace

TransferJobs::TransferJobs(engine::Database& database, std::string s3_dir)
    : database_(database), s3_dir_(std::move(s3_dir)) {}

TransferJobs::~TransferJobs() { stop(); }

Result<void> TransferJobs::load(double now) {
  EDDY_TRY(auto exports, load_records<ExportRecord>(database_, kExportsSetting, read_export_record));
  EDDY_TRY(auto imports, load_records<ImportRecord>(database_, kImportsSetting, read_import_record));
  std::lock_guard lock(mutex_);
  exports_ = std::move(exports);
  imports_ = std::move(imports);
  for (auto& record : exports_) {
    if (record.export_status != "IN_PROGRESS") continue;
    record.export_status = "FAILED";
    record.failure_code = "InternalError";
    record.failure_message = kInterrupted;
    record.end_time = std::floor(now * 1000) / 1000;
  }
  for (auto& record : imports_) {
    if (record.import_status != "IN_PROGRESS") continue;
    record.import_status = "FAILED";
    record.failure_code = "InternalError";
    record.failure_message = kInterrupted;
    record.end_time = std::floor(now * 1000) / 1000;
    EDDY_TRY_VOID(remove_half_made_table(database_, record));
  }
  EDDY_TRY_VOID(store_exports());
  return store_imports();
}

void TransferJobs::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { work(); });
}

void TransferJobs::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TransferJobs::run(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  changed_.notify_all();
}

void TransferJobs::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    auto job = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    job();
    lock.lock();
    --running_;
    changed_.notify_all();
  }
}

void TransferJobs::hold() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopping_; });
}

bool TransferJobs::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

std::size_t TransferJobs::in_flight() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + running_;
}

std::vector<ExportRecord> TransferJobs::exports() const {
  std::lock_guard lock(mutex_);
  return exports_;
}

std::optional<ExportRecord> TransferJobs::find_export(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  for (const auto& record : exports_) {
    if (record.export_arn == arn) return record;
  }
  return std::nullopt;
}

Result<void> TransferJobs::put_export(const ExportRecord& record) {
  std::lock_guard lock(mutex_);
  bool replaced = false;
  for (auto& existing : exports_) {
    if (existing.export_arn == record.export_arn) {
      existing = record;
      replaced = true;
    }
  }
  if (!replaced) exports_.push_back(record);
  return store_exports();
}

std::vector<ImportRecord> TransferJobs::imports() const {
  std::lock_guard lock(mutex_);
  return imports_;
}

std::optional<ImportRecord> TransferJobs::find_import(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  for (const auto& record : imports_) {
    if (record.import_arn == arn) return record;
  }
  return std::nullopt;
}

Result<void> TransferJobs::put_import(const ImportRecord& record) {
  std::lock_guard lock(mutex_);
  bool replaced = false;
  for (auto& existing : imports_) {
    if (existing.import_arn == record.import_arn) {
      existing = record;
      replaced = true;
    }
  }
  if (!replaced) imports_.push_back(record);
  return store_imports();
}

// Called with mutex_ held.
Result<void> TransferJobs::store_exports() {
  return store_records(database_, kExportsSetting, exports_, write_export_description);
}
Result<void> TransferJobs::store_imports() {
  return store_records(database_, kImportsSetting, imports_,
                       [](JsonWriter& w, const ImportRecord& r) { write_import_description(w, r); });
}

}  // namespace eddy::ops
