// Deferred syncs while a data folder is created; see deferred_sync_file_system.h.
#include "engine/deferred_sync_file_system.h"

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include <spdlog/spdlog.h>

namespace eddy::engine {
namespace {

using Deferring = std::shared_ptr<std::atomic<bool>>;

bool deferring(const Deferring& flag) { return flag->load(std::memory_order_acquire); }

class DeferredSyncFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  DeferredSyncFile(std::unique_ptr<rocksdb::FSWritableFile> target, Deferring flag)
      : FSWritableFileOwnerWrapper(std::move(target)), flag_(std::move(flag)) {}

  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    if (deferring(flag_)) return Flush(options, dbg);
    return FSWritableFileOwnerWrapper::Sync(options, dbg);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    if (deferring(flag_)) return Flush(options, dbg);
    return FSWritableFileOwnerWrapper::Fsync(options, dbg);
  }
  rocksdb::IOStatus RangeSync(uint64_t offset, uint64_t bytes, const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    if (deferring(flag_)) return rocksdb::IOStatus::OK();
    return FSWritableFileOwnerWrapper::RangeSync(offset, bytes, options, dbg);
  }

 private:
  Deferring flag_;
};

class DeferredSyncDirectory : public rocksdb::FSDirectoryWrapper {
 public:
  DeferredSyncDirectory(std::unique_ptr<rocksdb::FSDirectory> target, Deferring flag)
      : FSDirectoryWrapper(std::move(target)), flag_(std::move(flag)) {}

  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    if (deferring(flag_)) return rocksdb::IOStatus::OK();
    return FSDirectoryWrapper::Fsync(options, dbg);
  }
  rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg,
                                        const rocksdb::DirFsyncOptions& dir_options) override {
    if (deferring(flag_)) return rocksdb::IOStatus::OK();
    return FSDirectoryWrapper::FsyncWithDirOptions(options, dbg, dir_options);
  }

 private:
  Deferring flag_;
};

rocksdb::IOStatus wrap(rocksdb::IOStatus status, std::unique_ptr<rocksdb::FSWritableFile>* result,
                       const Deferring& flag) {
  if (status.ok()) *result = std::make_unique<DeferredSyncFile>(std::move(*result), flag);
  return status;
}

// fsync through a read-only descriptor: Linux syncs the file's data and metadata either way.
bool sync_path(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;  // deleted meanwhile: nothing left to sync
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

}  // namespace

DeferredSyncFileSystem::DeferredSyncFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target)
    : FileSystemWrapper(target), deferring_(std::make_shared<std::atomic<bool>>(false)) {}

rocksdb::IOStatus DeferredSyncFileSystem::NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                                          std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                          rocksdb::IODebugContext* dbg) {
  return wrap(target()->NewWritableFile(name, options, result, dbg), result, deferring_);
}

rocksdb::IOStatus DeferredSyncFileSystem::ReopenWritableFile(const std::string& name,
                                                             const rocksdb::FileOptions& options,
                                                             std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                             rocksdb::IODebugContext* dbg) {
  return wrap(target()->ReopenWritableFile(name, options, result, dbg), result, deferring_);
}

rocksdb::IOStatus DeferredSyncFileSystem::ReuseWritableFile(const std::string& name, const std::string& old_name,
                                                            const rocksdb::FileOptions& options,
                                                            std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                            rocksdb::IODebugContext* dbg) {
  return wrap(target()->ReuseWritableFile(name, old_name, options, result, dbg), result, deferring_);
}

rocksdb::IOStatus DeferredSyncFileSystem::NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                                       std::unique_ptr<rocksdb::FSDirectory>* result,
                                                       rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus status = target()->NewDirectory(name, options, result, dbg);
  if (status.ok()) *result = std::make_unique<DeferredSyncDirectory>(std::move(*result), deferring_);
  return status;
}

std::thread sync_folder_in_background(std::string folder) {
  return std::thread([folder = std::move(folder)] {
    // At idle priority: the sync must not take a core from the first requests.
    sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    std::error_code error;
    bool synced = true;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
      // Never LOCK: closing any descriptor of a file drops this process's fcntl lock on it, which
      // would let a second eddy open the folder. LOCK is empty; the folder's sync records it.
      std::error_code ignored;
      if (entry.path().filename() == "LOCK" || !entry.is_regular_file(ignored)) continue;
      synced = sync_path(entry.path(), O_RDONLY) && synced;
    }
    synced = !error && sync_path(folder, O_RDONLY | O_DIRECTORY) && synced;
    if (!synced) spdlog::warn("could not sync the new data folder {}", folder);
  });
}

}  // namespace eddy::engine
