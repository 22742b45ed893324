// A RocksDB FileSystem that fails on demand, for the storage-fault tests
// (engine and server): the operating system's file system with every writable
// file wrapped, so that a test can make appends fail as on a full disk
// (ENOSPC), write only part of their bytes, or make syncs fail, and then take
// the fault away again as a disk whose space returns. Reads are never touched
// here (storage_faults_test.cc fails those).
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <rocksdb/file_system.h>

namespace eddy::fault_injection {

struct Faults {
  std::atomic<bool> no_space{false};      // every append and flush fails with ENOSPC
  std::atomic<bool> short_writes{false};  // an append writes half its bytes, then fails
  std::atomic<bool> failed_syncs{false};  // every sync fails
  std::atomic<int> failures{0};           // how many operations failed so far
};

class FaultyWritableFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultyWritableFile(std::unique_ptr<rocksdb::FSWritableFile> target, std::shared_ptr<Faults> faults)
      : FSWritableFileOwnerWrapper(std::move(target)), faults_(std::move(faults)) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    if (auto failed = append_fault(data, options, dbg); !failed.ok()) return failed;
    return FSWritableFileOwnerWrapper::Append(data, options, dbg);
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info, rocksdb::IODebugContext* dbg) override {
    if (auto failed = append_fault(data, options, dbg); !failed.ok()) return failed;
    return FSWritableFileOwnerWrapper::Append(data, options, info, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const rocksdb::IOOptions& options,
                                     rocksdb::IODebugContext* dbg) override {
    if (faults_->no_space || faults_->short_writes) return fault(rocksdb::IOStatus::NoSpace("injected: disk full"));
    return FSWritableFileOwnerWrapper::PositionedAppend(data, offset, options, dbg);
  }
  rocksdb::IOStatus Flush(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    if (faults_->no_space) return fault(rocksdb::IOStatus::NoSpace("injected: disk full"));
    return FSWritableFileOwnerWrapper::Flush(options, dbg);
  }
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    if (faults_->failed_syncs) return fault(rocksdb::IOStatus::IOError("injected: fsync failed"));
    return FSWritableFileOwnerWrapper::Sync(options, dbg);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    if (faults_->failed_syncs) return fault(rocksdb::IOStatus::IOError("injected: fsync failed"));
    return FSWritableFileOwnerWrapper::Fsync(options, dbg);
  }
  rocksdb::IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    if (faults_->failed_syncs) return fault(rocksdb::IOStatus::IOError("injected: fsync failed"));
    return FSWritableFileOwnerWrapper::RangeSync(offset, nbytes, options, dbg);
  }

 private:
  rocksdb::IOStatus fault(rocksdb::IOStatus status) {
    ++faults_->failures;
    return status;
  }
  // A short write leaves the first half of the bytes in the file, as a disk
  // that fills mid-write.
  rocksdb::IOStatus append_fault(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                                 rocksdb::IODebugContext* dbg) {
    if (faults_->no_space) return fault(rocksdb::IOStatus::NoSpace("injected: disk full"));
    if (!faults_->short_writes) return rocksdb::IOStatus::OK();
    FSWritableFileOwnerWrapper::Append(rocksdb::Slice(data.data(), data.size() / 2), options, dbg)
        .PermitUncheckedError();
    return fault(rocksdb::IOStatus::IOError("injected: short write"));
  }

  std::shared_ptr<Faults> faults_;
};

class FaultyFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit FaultyFileSystem(std::shared_ptr<Faults> faults)
      : FileSystemWrapper(rocksdb::FileSystem::Default()), faults_(std::move(faults)) {}
  const char* Name() const override { return "eddy.test.FaultInjection"; }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    return wrap(target()->NewWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override {
    return wrap(target()->ReopenWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override {
    return wrap(target()->ReuseWritableFile(name, old_name, options, result, dbg), result);
  }
  // A full disk has no free space, so that eddy does not try to resume its
  // writes.
  rocksdb::IOStatus GetFreeSpace(const std::string& path, const rocksdb::IOOptions& options, uint64_t* free_bytes,
                                 rocksdb::IODebugContext* dbg) override {
    if (!faults_->no_space) return target()->GetFreeSpace(path, options, free_bytes, dbg);
    *free_bytes = 0;
    return rocksdb::IOStatus::OK();
  }

 private:
  rocksdb::IOStatus wrap(rocksdb::IOStatus status, std::unique_ptr<rocksdb::FSWritableFile>* result) {
    if (status.ok()) *result = std::make_unique<FaultyWritableFile>(std::move(*result), faults_);
    return status;
  }

  std::shared_ptr<Faults> faults_;
};

}  // namespace eddy::fault_injection
