// A RocksDB file system that can let syncs pass while a new data folder is created.
//
// Creating a folder, RocksDB syncs each new file (CURRENT, IDENTITY, MANIFEST, OPTIONS, the first
// write-ahead log) and the folder itself: thirteen fsync calls, about 7 ms on a virtual disk and
// a third of eddy's cold start. A folder that is being created holds no acknowledged write yet, so
// eddy lets those syncs pass and then syncs the whole folder once in the background
// (sync_folder_in_background), right after the open. Only a power loss in the few milliseconds
// before that sync ends can leave a folder that does not open; a crash (kill -9) cannot, since the
// files are in the page cache. With --sync-writes nothing is deferred (see docs/storage.md).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include <rocksdb/file_system.h>

namespace eddy::engine {

class DeferredSyncFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit DeferredSyncFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target);

  // NOLINTNEXTLINE(readability-identifier-naming): the name RocksDB's Customizable classes use.
  static const char* kClassName() { return "eddy.DeferredSyncFileSystem"; }
  const char* Name() const override { return kClassName(); }

  // While deferring, Sync, Fsync and RangeSync of files and folders opened through this file
  // system return at once without syncing; afterwards they sync again.
  void set_deferring(bool deferring) { deferring_->store(deferring, std::memory_order_release); }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* result, rocksdb::IODebugContext* dbg) override;

 private:
  // Shared with every file opened here, which may outlive this object inside RocksDB.
  std::shared_ptr<std::atomic<bool>> deferring_;
};

// Syncs every file in `folder` but RocksDB's LOCK, then the folder itself, on a thread of its own at
// idle priority. Files that vanish meanwhile (RocksDB deletes obsolete ones) are skipped. The caller
// joins the thread.
std::thread sync_folder_in_background(std::string folder);

}  // namespace eddy::engine
