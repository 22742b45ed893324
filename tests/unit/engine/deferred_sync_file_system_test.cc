// A new data folder is created with RocksDB's syncs deferred: while deferring, files and folders
// opened through DeferredSyncFileSystem are written (and readable) but not synced; afterwards every
// sync reaches the file system again. A folder created so reopens with its data.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <rocksdb/file_system.h>

#include "engine/deferred_sync_file_system.h"
#include "engine/storage.h"

namespace eddy::engine {
namespace {

// Counts the syncs that reach the real file system.
struct SyncCounts {
  std::atomic<int> files{0};
  std::atomic<int> folders{0};
};

class CountedFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  CountedFile(std::unique_ptr<rocksdb::FSWritableFile> target, SyncCounts& counts)
      : FSWritableFileOwnerWrapper(std::move(target)), counts_(counts) {}
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    ++counts_.files;
    return FSWritableFileOwnerWrapper::Sync(options, dbg);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    ++counts_.files;
    return FSWritableFileOwnerWrapper::Fsync(options, dbg);
  }

 private:
  SyncCounts& counts_;
};

class CountedFolder : public rocksdb::FSDirectoryWrapper {
 public:
  CountedFolder(std::unique_ptr<rocksdb::FSDirectory> target, SyncCounts& counts)
      : FSDirectoryWrapper(std::move(target)), counts_(counts) {}
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    ++counts_.folders;
    return FSDirectoryWrapper::Fsync(options, dbg);
  }
  rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg,
                                        const rocksdb::DirFsyncOptions& dir_options) override {
    ++counts_.folders;
    return FSDirectoryWrapper::FsyncWithDirOptions(options, dbg, dir_options);
  }

 private:
  SyncCounts& counts_;
};

class CountingFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit CountingFileSystem(SyncCounts& counts)
      : FileSystemWrapper(rocksdb::FileSystem::Default()), counts_(counts) {}
  const char* Name() const override { return "CountingFileSystem"; }
  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    auto status = target()->NewWritableFile(name, options, result, dbg);
    if (status.ok()) *result = std::make_unique<CountedFile>(std::move(*result), counts_);
    return status;
  }
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* result, rocksdb::IODebugContext* dbg) override {
    auto status = target()->NewDirectory(name, options, result, dbg);
    if (status.ok()) *result = std::make_unique<CountedFolder>(std::move(*result), counts_);
    return status;
  }

 private:
  SyncCounts& counts_;
};

class DeferredSyncFileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("eddy-deferred-sync-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  std::filesystem::path folder_;
};

TEST_F(DeferredSyncFileSystemTest, SyncsWaitWhileDeferringAndPassAfterwards) {
  SyncCounts counts;
  DeferredSyncFileSystem deferred(std::make_shared<CountingFileSystem>(counts));
  rocksdb::IOOptions io;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  std::unique_ptr<rocksdb::FSDirectory> folder;

  deferred.set_deferring(true);
  ASSERT_TRUE(deferred.NewWritableFile((folder_ / "f").string(), rocksdb::FileOptions(), &file, nullptr).ok());
  ASSERT_TRUE(deferred.NewDirectory(folder_.string(), io, &folder, nullptr).ok());
  ASSERT_TRUE(file->Append("created", io, nullptr).ok());
  EXPECT_TRUE(file->Sync(io, nullptr).ok());
  EXPECT_TRUE(file->Fsync(io, nullptr).ok());
  EXPECT_TRUE(file->RangeSync(0, 7, io, nullptr).ok());
  EXPECT_TRUE(folder->Fsync(io, nullptr).ok());
  EXPECT_TRUE(folder->FsyncWithDirOptions(io, nullptr, rocksdb::DirFsyncOptions()).ok());
  EXPECT_EQ(counts.files, 0);
  EXPECT_EQ(counts.folders, 0);
  EXPECT_EQ(read(folder_ / "f"), "created");  // a deferred sync still hands the data to the kernel

  deferred.set_deferring(false);  // the file and folder opened while deferring sync again
  ASSERT_TRUE(file->Append(", then synced", io, nullptr).ok());
  EXPECT_TRUE(file->Sync(io, nullptr).ok());
  EXPECT_TRUE(file->Fsync(io, nullptr).ok());
  EXPECT_TRUE(folder->Fsync(io, nullptr).ok());
  EXPECT_EQ(counts.files, 2);
  EXPECT_EQ(counts.folders, 1);
  EXPECT_EQ(read(folder_ / "f"), "created, then synced");
  EXPECT_TRUE(file->Close(io, nullptr).ok());
}

TEST_F(DeferredSyncFileSystemTest, BackgroundFolderSyncFinishes) {
  for (const char* name : {"CURRENT", "MANIFEST-000001", "000003.log"}) std::ofstream(folder_ / name) << name;
  std::thread sync = sync_folder_in_background(folder_.string());
  sync.join();
  EXPECT_EQ(read(folder_ / "CURRENT"), "CURRENT");
  // A folder that vanished is not an error worth more than a warning, and does not hang.
  std::thread missing = sync_folder_in_background((folder_ / "absent").string());
  missing.join();
}

// Another process must still find the folder's LOCK held after the background sync, which opens
// and closes the folder's files: closing any descriptor of LOCK would drop the lock.
bool locked_for_another_process(const std::filesystem::path& lock_file) {
  pid_t child = fork();
  if (child == 0) {
    int fd = ::open(lock_file.c_str(), O_RDWR);
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    bool refused = fd >= 0 && fcntl(fd, F_SETLK, &lock) == -1 && (errno == EAGAIN || errno == EACCES);
    _exit(refused ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST_F(DeferredSyncFileSystemTest, NewFolderStaysLockedWhileOpen) {
  StorageOptions options;
  options.data_dir = (folder_ / "data").string();
  auto storage = Storage::open(options);
  ASSERT_TRUE(storage.has_value()) << storage.error().message;
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the background sync has run
  EXPECT_TRUE(locked_for_another_process(folder_ / "data" / "LOCK"));
}

TEST_F(DeferredSyncFileSystemTest, NewFolderReopensWithItsDataAndHasNoRocksdbLog) {
  StorageOptions options;
  options.data_dir = (folder_ / "data").string();
  {
    auto storage = Storage::open(options);  // a new folder: syncs deferred, then synced in the background
    ASSERT_TRUE(storage.has_value()) << storage.error().message;
    WriteSet writes;
    writes.put("k", "written into a new folder");
    ASSERT_TRUE((*storage)->write(writes).has_value());
  }
  EXPECT_FALSE(std::filesystem::exists(folder_ / "data" / "LOG"));  // RocksDB logs into eddy's log
  auto reopened = Storage::open(options);                           // an existing folder: ordinary syncs
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  auto value = (*reopened)->get("k");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(*value, std::optional<std::string>("written into a new folder"));
}

}  // namespace
}  // namespace eddy::engine
