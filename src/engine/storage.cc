// Storage on RocksDB: options (see docs/storage.md), the counters merge operator, and the thin
// wrappers that keep rocksdb types inside engine/.
#include "engine/storage.h"

#include <malloc.h>

#include <cstring>
#include <filesystem>

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include "engine/deferred_sync_file_system.h"
#include "engine/key_codec.h"
#include "engine/rocksdb_log.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

constexpr std::size_t kCountersSize = 16;

ApiError status_failure(const char* what, const rocksdb::Status& status) {
  return storage_failure(std::string(what) + " failed: " + status.ToString());
}

void decode_counters(const rocksdb::Slice& value, int64_t& count, int64_t& bytes) {
  count = 0;
  bytes = 0;
  if (value.size() != kCountersSize) return;
  std::memcpy(&count, value.data(), 8);
  std::memcpy(&bytes, value.data() + 8, 8);
}

std::string encode_counters(int64_t count, int64_t bytes) {
  std::string out(kCountersSize, '\0');
  std::memcpy(out.data(), &count, 8);
  std::memcpy(out.data() + 8, &bytes, 8);
  return out;
}

// Adds pairs of int64 counters (item count, table size) so that every write can adjust them in
// its own WriteBatch without a read-modify-write.
class CountersMergeOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing, const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger*) const override {
    int64_t count = 0, bytes = 0, add_count = 0, add_bytes = 0;
    if (existing != nullptr) decode_counters(*existing, count, bytes);
    decode_counters(value, add_count, add_bytes);
    *new_value = encode_counters(count + add_count, bytes + add_bytes);
    return true;
  }
  const char* Name() const override { return "eddy.CountersMergeOperator"; }
};

// A full disk (or any error RocksDB can resume from) stops RocksDB's writes. Its own recovery
// would poll for free space every few seconds from a thread of its own; eddy resumes instead at the
// next write (Storage::resume_writes), so that the first write after space returns succeeds and
// no recovery runs while a request is being answered.
class ResumeAtNextWrite : public rocksdb::EventListener {
 public:
  void OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason, rocksdb::Status bg_error, bool* auto_recovery) override {
    spdlog::error("storage: writes stopped: {}", bg_error.ToString());
    *auto_recovery = false;
  }
};

// In memory, a table file is a heap allocation of the in-memory Env; glibc keeps the pages of a
// freed one for reuse instead of giving them back, so that eddy's resident memory stayed at the peak
// of the compactions (the old files and the new at once). Trimming once a compaction's inputs are
// deleted gives them back (malloc_trim releases every whole free page, of every arena).
class ReturnDeletedFilesMemory : public rocksdb::EventListener {
 public:
  void OnTableFileDeleted(const rocksdb::TableFileDeletionInfo&) override { malloc_trim(0); }
};

const std::string kLastIdKey = std::string(1, kMetaPrefix) + "last_id";
const std::string kMemtableMarkerKey = std::string(1, kMetaPrefix) + "memtable_marker";  // never stored

constexpr std::size_t kInMemoryBlockCacheBytes = 8u << 20;
constexpr uint64_t kLevelBaseBytes = 64u << 20;

rocksdb::Options make_options(const StorageOptions& options) {
  rocksdb::Options db_options;
  db_options.create_if_missing = true;
  db_options.merge_operator = std::make_shared<CountersMergeOperator>();
  db_options.write_buffer_size = options.write_buffer_bytes;
  db_options.max_write_buffer_number = 3;
  db_options.max_background_jobs = 2;
  db_options.max_manifest_file_size = 64u << 20;
  db_options.info_log = make_rocksdb_log();
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  db_options.compression = rocksdb::kNoCompression;
  // Level sizes set from the last level up, so that the last level holds about 90 % of the data
  // and overwritten or deleted versions do not pile up in the levels above it: the data (a folder
  // on disk, the memory of --in-memory) stays near the live data's size (docs/storage.md).
  db_options.level_compaction_dynamic_level_bytes = true;
  // RocksDB never sizes a level above the last below max_bytes_for_level_base (256 MiB by
  // default), so that level kept up to 256 MiB of overwritten versions (a folder at 1.65x its live
  // data after an overwrite of 2·10⁶ items, 1.45x at 64 MiB, with writes no slower).
  db_options.max_bytes_for_level_base = kLevelBaseBytes;
  db_options.listeners.push_back(std::make_shared<ResumeAtNextWrite>());
  if (options.in_memory) db_options.listeners.push_back(std::make_shared<ReturnDeletedFilesMemory>());
  // Start-up: RocksDB's default opens table files with 16 threads, created even for an empty
  // folder; one is enough for eddy's data sizes and saves their start-up.
  db_options.max_file_opening_threads = 1;
  // Restart: do not read every table file's properties at open, and keep what the write-ahead log
  // replays in the memtable instead of writing (and syncing) a new table file before serving.
  db_options.skip_stats_update_on_db_open = true;
  db_options.avoid_flush_during_recovery = true;
  rocksdb::BlockBasedTableOptions table;
  // In memory a cached block is a second copy of a block the in-memory Env already holds, so the
  // cache only needs to hold the index and filter blocks and the blocks being read.
  table.block_cache = rocksdb::NewLRUCache(options.in_memory ? kInMemoryBlockCacheBytes : options.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = true;
  db_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return db_options;
}

}  // namespace

ApiError storage_failure(std::string_view cause) {
  spdlog::error("storage: {}", cause);
  // What the client is told: DynamoDB's own text for a 500.
  return ApiError::internal("The server encountered an internal error trying to fulfill the request.");
}

WriteSet::WriteSet() : batch_(std::make_unique<rocksdb::WriteBatch>()) {}
WriteSet::~WriteSet() = default;
WriteSet::WriteSet(WriteSet&&) noexcept = default;
WriteSet& WriteSet::operator=(WriteSet&&) noexcept = default;
void WriteSet::put(std::string_view key, std::string_view value) {
  batch_->Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
}
void WriteSet::remove(std::string_view key) { batch_->Delete(rocksdb::Slice(key.data(), key.size())); }
void WriteSet::add_counters(std::string_view key, int64_t count, int64_t bytes) {
  batch_->Merge(rocksdb::Slice(key.data(), key.size()), encode_counters(count, bytes));
}
void WriteSet::remove_range(std::string_view begin, std::string_view end) {
  batch_->DeleteRange(rocksdb::Slice(begin.data(), begin.size()), rocksdb::Slice(end.data(), end.size()));
}
bool WriteSet::empty() const { return batch_->Count() == 0; }

ReadView::ReadView(rocksdb::DB* db, const rocksdb::Snapshot* snapshot) : db_(db), snapshot_(snapshot) {}
ReadView::~ReadView() { db_->ReleaseSnapshot(snapshot_); }

Cursor::Cursor(rocksdb::DB* db, const rocksdb::Snapshot* snapshot, std::string lower, std::string upper)
    : lower_(std::move(lower)), upper_(std::move(upper)) {
  // The bounds let RocksDB stop at the range's end instead of reading past it.
  lower_slice_ = std::make_unique<rocksdb::Slice>(lower_);
  upper_slice_ = std::make_unique<rocksdb::Slice>(upper_);
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  read.iterate_lower_bound = lower_slice_.get();
  read.iterate_upper_bound = upper_slice_.get();
  iterator_.reset(db->NewIterator(read));
}
Cursor::~Cursor() = default;
void Cursor::seek(std::string_view key) { iterator_->Seek(rocksdb::Slice(key.data(), key.size())); }
void Cursor::seek_for_prev(std::string_view key) { iterator_->SeekForPrev(rocksdb::Slice(key.data(), key.size())); }
void Cursor::seek_to_first() { iterator_->SeekToFirst(); }
void Cursor::seek_to_last() { iterator_->SeekToLast(); }
bool Cursor::valid() const { return iterator_->Valid(); }
void Cursor::next() { iterator_->Next(); }
void Cursor::prev() { iterator_->Prev(); }
std::string_view Cursor::key() const { return iterator_->key().ToStringView(); }
std::string_view Cursor::value() const { return iterator_->value().ToStringView(); }
Result<void> Cursor::status() const {
  rocksdb::Status status = iterator_->status();
  if (!status.ok()) return fail(status_failure("a scan", status));
  return {};
}

Result<std::unique_ptr<Storage>> Storage::open(const StorageOptions& options) {
  std::unique_ptr<Storage> storage(new Storage());
  storage->options_ = options;
  storage->path_ = options.in_memory ? "/eddy-in-memory" : options.data_dir;
  if (options.in_memory) {
    storage->env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    storage->env_->CreateDirIfMissing(storage->path_);  // else RocksDB logs an error on listing it
  } else {
    std::error_code ignored;
    std::filesystem::create_directories(storage->path_, ignored);
    std::shared_ptr<rocksdb::FileSystem> base =
        options.file_system ? options.file_system : rocksdb::FileSystem::Default();
    // Syncs may be deferred while a folder is created or replaced, never with --sync-writes
    // (deferred_sync_file_system.h).
    if (!options.sync_writes) {
      storage->deferred_ = std::make_shared<DeferredSyncFileSystem>(base);
      storage->env_ = rocksdb::NewCompositeEnv(storage->deferred_);
    } else if (options.file_system) {
      storage->env_ = rocksdb::NewCompositeEnv(options.file_system);
    }
  }
  if (auto finished = storage->finish_interrupted_replace(); !finished) return fail(finished.error());
  if (auto opened = storage->open_db(false); !opened) return fail(opened.error());
  EDDY_TRY_VOID(storage->verify_table_files(storage->path_));
  return storage;
}

Result<void> Storage::open_db(bool replaced) {
  rocksdb::Options db_options = make_options(options_);
  db_options.env = env();
  std::error_code ignored;
  // A new folder (or one whose files were just replaced) is opened with its syncs deferred to one
  // background sync of the whole folder.
  bool defer =
      deferred_ != nullptr && (replaced || !std::filesystem::exists(std::filesystem::path(path_) / "CURRENT", ignored));
  if (defer) deferred_->set_deferring(true);
  rocksdb::DB* db = nullptr;
  rocksdb::Status status = rocksdb::DB::Open(db_options, path_, &db);
  if (defer) deferred_->set_deferring(false);
  if (!status.ok()) {
    if (status.IsIOError() && status.ToString().find("lock") != std::string::npos) {
      return fail(ApiError::internal("the data folder " + path_ +
                                     " is in use by another eddy process (its LOCK file is held)"));
    }
    return fail(ApiError::internal("cannot open the data folder " + path_ + ": " + status.ToString()));
  }
  db_.reset(db);
  write_failed_ = false;
  resumable_ = false;
  memtable_empty_ = true;
  if (defer) folder_syncs_.push_back(sync_folder_in_background(path_));
  auto last = get(kLastIdKey);
  if (!last) return fail(ApiError::internal("cannot read the data folder " + path_));
  last_id_ = *last ? read_u64(**last) : 0;
  return {};
}

Storage::~Storage() {
  if (db_) {
    // A failed flush is logged; what the write-ahead log holds is replayed at the next open.
    if (!flush()) spdlog::warn("storage: closing without a final flush");
    if (rocksdb::Status closed = db_->Close(); !closed.ok())
      spdlog::error("storage: close failed: {}", closed.ToString());
  }
  for (auto& sync : folder_syncs_) {
    if (sync.joinable()) sync.join();
  }
}

rocksdb::Env* Storage::env() const { return env_ ? env_.get() : rocksdb::Env::Default(); }

Result<std::optional<std::string>> Storage::get(std::string_view key, const ReadView* view) const {
  rocksdb::ReadOptions read;
  if (view != nullptr) read.snapshot = view->snapshot();
  std::string value;
  rocksdb::Status status = db_->Get(read, rocksdb::Slice(key.data(), key.size()), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) return fail(status_failure("a read", status));
  return std::optional<std::string>(std::move(value));
}

Result<void> Storage::verify_table_files(const std::string& path) {
  if (options_.in_memory) return {};
  // RocksDB's open reads each table file's footer, index and filter; a damaged data block would
  // only show when a request reads it. Reading every block once at start reports it here instead,
  // before anything is served (docs/reliability.md has what it costs).
  rocksdb::ReadOptions read;
  read.readahead_size = 2u << 20;
  read.fill_cache = false;
  if (rocksdb::Status status = db_->VerifyChecksum(read); !status.ok()) {
    return fail(ApiError::internal("the data folder " + path + " is damaged: " + status.ToString() +
                                   " (restore it from a backup; eddy serves no damaged data)"));
  }
  return {};
}

// RocksDB's resume flushes the memtables and starts a new write-ahead log, leaving the log whose
// append failed behind; with nothing in the memtable it flushes nothing and keeps that log, whose
// writer then refuses (and, in Debian's build, asserts on) every later append. One tombstone that
// skips the log, written before the first write to an empty memtable (after the open, a flush or a
// resume), keeps it from being empty: harmless if lost, and dropped by compaction.
Result<void> Storage::keep_memtable_occupied() {
  if (!memtable_empty_) return {};
  std::lock_guard<std::mutex> lock(marker_mutex_);
  if (!memtable_empty_) return {};
  rocksdb::WriteOptions memtable_only;
  memtable_only.disableWAL = true;
  if (rocksdb::Status status = db_->Delete(memtable_only, kMemtableMarkerKey); !status.ok()) {
    stopped_by(status);
    return fail(status_failure("a memtable marker", status));
  }
  memtable_empty_ = false;
  return {};
}

// A resume that fails again (its flush meets the full disk) turns RocksDB's error into one it
// cannot resume from; so a resume is tried only when the disk has room for that flush.
bool Storage::room_to_resume() const {
  if (options_.in_memory) return true;
  std::shared_ptr<rocksdb::FileSystem> file_system =
      options_.file_system ? options_.file_system : rocksdb::FileSystem::Default();
  uint64_t free_bytes = 0;
  rocksdb::IOStatus status = file_system->GetFreeSpace(options_.data_dir, rocksdb::IOOptions(), &free_bytes, nullptr);
  if (!status.ok()) return true;  // unknown: let the resume find out
  return free_bytes >= 4 * options_.write_buffer_bytes;
}

void Storage::stopped_by(const rocksdb::Status& status) {
  if (!write_failed_) resumable_ = status.IsNoSpace();
  write_failed_ = true;
}

Result<void> Storage::resume_writes() {
  std::lock_guard<std::mutex> lock(resume_mutex_);
  if (!write_failed_) return {};
  // A torn log append or a failed sync is not resumable: only a reopen replays the log.
  if (!resumable_) return fail(storage_failure("writes stay stopped until eddy restarts (see the first error)"));
  if (!room_to_resume()) return fail(storage_failure("writes stay stopped: the disk is still full"));
  if (rocksdb::Status status = db_->Resume(); !status.ok()) {
    // A full disk met while switching to a new log is beyond RocksDB's resume too.
    if (status.severity() >= rocksdb::Status::Severity::kFatalError) resumable_ = false;
    return fail(status_failure("resuming writes after a failed write", status));
  }
  spdlog::info("storage: writes resumed");
  write_failed_ = false;
  memtable_empty_ = true;  // the resume flushed it
  return {};
}

Result<void> Storage::write(WriteSet& writes) {
  if (write_failed_) EDDY_TRY_VOID(resume_writes());
  EDDY_TRY_VOID(keep_memtable_occupied());
  rocksdb::WriteOptions write;
  write.sync = options_.sync_writes;
  // In memory the write-ahead log protects nothing (a crash loses the memtables and the log
  // alike) and would hold a second copy of every unflushed write: up to three memtables' worth.
  write.disableWAL = options_.in_memory;
  rocksdb::Status status = db_->Write(write, &writes.batch());
  if (!status.ok()) {
    stopped_by(status);
    return fail(status_failure("a write", status));
  }
  return {};
}

std::unique_ptr<Cursor> Storage::cursor(std::string lower, std::string upper, const ReadView* view) const {
  return std::make_unique<Cursor>(db_.get(), view != nullptr ? view->snapshot() : nullptr, std::move(lower),
                                  std::move(upper));
}

std::unique_ptr<ReadView> Storage::read_view() const {
  return std::make_unique<ReadView>(db_.get(), db_->GetSnapshot());
}

Result<std::pair<int64_t, int64_t>> Storage::counters(std::string_view key) const {
  int64_t count = 0, bytes = 0;
  EDDY_TRY(std::optional<std::string> value, get(key));
  if (value) decode_counters(*value, count, bytes);
  return std::pair<int64_t, int64_t>{count, bytes};
}

Result<uint64_t> Storage::next_id() {
  std::lock_guard<std::mutex> lock(id_mutex_);
  std::string value;
  append_u64(value, last_id_ + 1);
  WriteSet writes;
  writes.put(kLastIdKey, value);
  // Counted only once persisted, so that an id handed out is never handed out again after a restart.
  EDDY_TRY_VOID(write(writes));
  return ++last_id_;
}

Result<void> Storage::flush() {
  if (write_failed_ && !resume_writes()) {
    return fail(storage_failure("not flushed: a write failed earlier (see above)"));
  }
  // The in-memory Env's log cannot be synced (NotSupported), and needs no sync.
  if (rocksdb::Status status = db_->FlushWAL(true); !status.ok() && !status.IsNotSupported()) {
    return fail(status_failure("a log sync", status));
  }
  if (rocksdb::Status status = db_->Flush(rocksdb::FlushOptions()); !status.ok()) {
    stopped_by(status);
    return fail(status_failure("a flush", status));
  }
  memtable_empty_ = true;
  return {};
}

uint64_t Storage::approximate_size(const std::string& lower, const std::string& upper) const {
  rocksdb::Range range(lower, upper);
  uint64_t size = 0;
  rocksdb::SizeApproximationOptions approximation;
  approximation.include_memtables = true;
  approximation.include_files = true;
  db_->GetApproximateSizes(approximation, db_->DefaultColumnFamily(), &range, 1, &size);
  return size;
}

}  // namespace eddy::engine
