// Storage: eddy's one RocksDB database, behind a small key-value interface so that no code outside
// engine/ sees RocksDB. Writes are atomic WriteSets (a RocksDB WriteBatch): an item, its index
// entries, its counters and its stream record always commit together.
//
// Failures: every read and write returns a Result. A RocksDB status other than OK (and NotFound for
// a point read) is logged and becomes InternalServerError; a failed read is never taken for an
// absent key, and a cursor that stops on an error says so through status().
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "model/api_error.h"

namespace rocksdb {
class DB;
class Env;
class FileSystem;
class WriteBatch;
class Iterator;
class Snapshot;
class Slice;
class Status;
}  // namespace rocksdb

namespace eddy::engine {

class DeferredSyncFileSystem;

struct StorageOptions {
  std::string data_dir = "./eddy-data";  // ignored when in_memory
  bool in_memory = false;                // Default: false. RocksDB on an in-memory Env: nothing touches disk.
  bool sync_writes = false;  // Default: false. fsync the WAL on every write (survives power loss, not only kill -9).
  std::size_t block_cache_bytes = 32u << 20;   // Default: 32 MiB.
  std::size_t write_buffer_bytes = 16u << 20;  // Default: 16 MiB per memtable.
  // Default: null (the operating system's). Tests wrap it to inject failing reads and writes;
  // ignored when in_memory.
  std::shared_ptr<rocksdb::FileSystem> file_system;
};

// A storage failure as the client sees it: InternalServerError with DynamoDB's text. `cause` (what
// failed, and RocksDB's status) goes to the log only.
ApiError storage_failure(std::string_view cause);

// A pending atomic write.
class WriteSet {
 public:
  WriteSet();
  ~WriteSet();
  WriteSet(WriteSet&&) noexcept;
  WriteSet& operator=(WriteSet&&) noexcept;

  void put(std::string_view key, std::string_view value);
  void remove(std::string_view key);
  // Adds (count, bytes) to a pair of 64-bit counters stored at `key` (a RocksDB merge).
  void add_counters(std::string_view key, int64_t count, int64_t bytes);
  // Deletes every key in [begin, end) (a RocksDB range deletion: one entry, whatever the keys).
  void remove_range(std::string_view begin, std::string_view end);
  bool empty() const;
  rocksdb::WriteBatch& batch() { return *batch_; }

 private:
  std::unique_ptr<rocksdb::WriteBatch> batch_;
};

// A consistent point-in-time view for reads (TransactGetItems, Scan pages).
class ReadView {
 public:
  ReadView(rocksdb::DB* db, const rocksdb::Snapshot* snapshot);
  ~ReadView();
  ReadView(const ReadView&) = delete;
  ReadView& operator=(const ReadView&) = delete;
  const rocksdb::Snapshot* snapshot() const { return snapshot_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

// Iterates keys in [lower, upper) in either direction. valid() turns false at the end of the
// range and on a read error; status() tells them apart and must be checked after every scan.
class Cursor {
 public:
  Cursor(rocksdb::DB* db, const rocksdb::Snapshot* snapshot, std::string lower, std::string upper);
  ~Cursor();
  void seek(std::string_view key);           // first key >= key
  void seek_for_prev(std::string_view key);  // last key <= key
  void seek_to_first();
  void seek_to_last();
  bool valid() const;
  void next();
  void prev();
  std::string_view key() const;
  std::string_view value() const;
  // InternalServerError (logged) when the cursor stopped on a read error rather than at the end.
  Result<void> status() const;

 private:
  std::string lower_;
  std::string upper_;
  std::unique_ptr<rocksdb::Slice> lower_slice_;
  std::unique_ptr<rocksdb::Slice> upper_slice_;
  std::unique_ptr<rocksdb::Iterator> iterator_;
};

class Storage {
 public:
  // Opens (creating if needed) the database. A data folder held by another process fails with a
  // message that names the folder.
  static Result<std::unique_ptr<Storage>> open(const StorageOptions& options);
  ~Storage();

  // The value at `key`; nullopt only when the key is absent. A failed read is an error.
  Result<std::optional<std::string>> get(std::string_view key, const ReadView* view = nullptr) const;
  // Writes `writes` atomically; an error means nothing of it may be taken as written. After a
  // failed write (a full disk), the next one first resumes RocksDB's writes; it fails as long as
  // the cause lasts.
  Result<void> write(WriteSet& writes);
  std::unique_ptr<Cursor> cursor(std::string lower, std::string upper, const ReadView* view = nullptr) const;
  std::unique_ptr<ReadView> read_view() const;
  // (count, bytes) at a counters key; zeros when absent.
  Result<std::pair<int64_t, int64_t>> counters(std::string_view key) const;
  // A new id, unique for the life of the database: persisted before it is returned.
  Result<uint64_t> next_id();
  // Flushes memtables and syncs the WAL (at shutdown). Refused after a failed write that RocksDB
  // cannot resume from: it then holds the database read-only, and its log writer must not be
  // synced again.
  Result<void> flush();
  // Approximate bytes on disk / in memtables under [lower, upper).
  uint64_t approximate_size(const std::string& lower, const std::string& upper) const;

  // Snapshots (storage_files.cc). Each needs every other call into this Storage to be over and
  // none to start meanwhile (the server's request gate sees to that).
  //
  // The folder that holds the snapshots: <data folder>/snapshots (in the in-memory Env for
  // --in-memory). RocksDB ignores folders inside its own.
  std::string snapshots_folder() const { return path_ + "/snapshots"; }
  // False only when a replace could not open the database again.
  bool is_open() const { return db_ != nullptr; }
  // A RocksDB checkpoint of the whole database in `folder` (which must not exist): the memtables
  // are flushed, table files hard-linked, the rest copied.
  Result<void> checkpoint(const std::string& folder);
  // Replaces the database with the checkpoint in `source` (its table files hard-linked, the rest
  // copied), or with an empty one when `source` is empty, and opens it again. A crash in between
  // is finished at the next open (a marker file names the source). Snapshots stay.
  Result<void> replace(const std::string& source);
  // Files of the snapshots folder: the names in `folder` (no "." or ".."), a file's text, a new
  // file, and a whole folder's removal. Errors are InternalServerError (logged).
  Result<std::vector<std::string>> children(const std::string& folder) const;
  bool exists(const std::string& path) const;
  Result<std::string> read_file(const std::string& path) const;
  Result<void> write_file(const std::string& path, std::string_view text);
  Result<void> remove_folder(const std::string& folder);

 private:
  Storage() = default;
  rocksdb::Env* env() const;
  // Opens db_ at path_; `replaced`: its files were just replaced, so syncs are deferred.
  Result<void> open_db(bool replaced);
  // Deletes the database's files in path_ (not LOCK, not the snapshots), then links or copies
  // those of `source` there (none when it is empty).
  Result<void> swap_files(const std::string& source);
  Result<void> finish_interrupted_replace();
  Result<void> copy_file(const std::string& from, const std::string& to);

  // At open: every table file's checksums, so that a damaged file stops the start.
  Result<void> verify_table_files(const std::string& path);
  Result<void> resume_writes();
  bool room_to_resume() const;
  void stopped_by(const rocksdb::Status& status);
  Result<void> keep_memtable_occupied();
  std::unique_ptr<rocksdb::Env> env_;
  std::unique_ptr<rocksdb::DB> db_;
  std::string path_;  // the RocksDB folder: the data folder, or one in the in-memory Env
  // Defers syncs while a folder is created or replaced; null with --sync-writes or in memory.
  std::shared_ptr<DeferredSyncFileSystem> deferred_;
  // Each syncs a created or replaced folder once after the open (deferred_sync_file_system.h).
  std::vector<std::thread> folder_syncs_;
  StorageOptions options_;
  std::mutex id_mutex_;
  uint64_t last_id_ = 0;
  std::mutex resume_mutex_;
  std::atomic<bool> write_failed_{false};
  std::atomic<bool> resumable_{false};  // the failure that stopped writes was a full disk
  std::mutex marker_mutex_;
  std::atomic<bool> memtable_empty_{true};  // since the open, the last flush or the last resume
};

}  // namespace eddy::engine
