// Storage failures are never taken for absence: a data folder on a file system whose reads or
// write-ahead-log appends fail on demand. A failed read refuses a conditional write (which
// attribute_not_exists would otherwise let overwrite the item) with InternalServerError; a failed
// write is an error and is not acknowledged; a failed scan is an error, not a shorter answer.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>

#include <rocksdb/file_system.h>

#include "engine/database.h"

namespace eddy::engine {
namespace {

constexpr const char* kInternalMessage = "The server encountered an internal error trying to fulfill the request.";

struct Faults {
  std::atomic<bool> reads{false};   // every read of a table file fails
  std::atomic<bool> writes{false};  // every append to a write-ahead log fails
};

rocksdb::IOStatus injected() { return rocksdb::IOStatus::IOError("injected by the test"); }

class FaultyReads : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  FaultyReads(std::unique_ptr<rocksdb::FSRandomAccessFile> target, std::shared_ptr<Faults> faults)
      : FSRandomAccessFileOwnerWrapper(std::move(target)), faults_(std::move(faults)) {}
  rocksdb::IOStatus Read(uint64_t offset, size_t n, const rocksdb::IOOptions& options, rocksdb::Slice* result,
                         char* scratch, rocksdb::IODebugContext* dbg) const override {
    if (faults_->reads) return injected();
    return FSRandomAccessFileOwnerWrapper::Read(offset, n, options, result, scratch, dbg);
  }
  rocksdb::IOStatus MultiRead(rocksdb::FSReadRequest* requests, size_t count, const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    if (!faults_->reads) return FSRandomAccessFileOwnerWrapper::MultiRead(requests, count, options, dbg);
    for (size_t i = 0; i < count; ++i) requests[i].status = injected();
    return injected();
  }

 private:
  std::shared_ptr<Faults> faults_;
};

class FaultyLog : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultyLog(std::unique_ptr<rocksdb::FSWritableFile> target, std::shared_ptr<Faults> faults)
      : FSWritableFileOwnerWrapper(std::move(target)), faults_(std::move(faults)) {}
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    if (faults_->writes) return injected();
    return FSWritableFileOwnerWrapper::Append(data, options, dbg);
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info, rocksdb::IODebugContext* dbg) override {
    if (faults_->writes) return injected();
    return FSWritableFileOwnerWrapper::Append(data, options, info, dbg);
  }

 private:
  std::shared_ptr<Faults> faults_;
};

class FaultyFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit FaultyFileSystem(std::shared_ptr<Faults> faults)
      : FileSystemWrapper(rocksdb::FileSystem::Default()), faults_(std::move(faults)) {}
  const char* Name() const override { return "eddy.test.FaultyFileSystem"; }

  rocksdb::IOStatus NewRandomAccessFile(const std::string& name, const rocksdb::FileOptions& options,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* result,
                                        rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus status = target()->NewRandomAccessFile(name, options, result, dbg);
    if (status.ok()) *result = std::make_unique<FaultyReads>(std::move(*result), faults_);
    return status;
  }
  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus status = target()->NewWritableFile(name, options, result, dbg);
    bool log = name.size() > 4 && name.compare(name.size() - 4, 4, ".log") == 0;
    if (status.ok() && log) *result = std::make_unique<FaultyLog>(std::move(*result), faults_);
    return status;
  }

 private:
  std::shared_ptr<Faults> faults_;
};

Item key_of_pk(const char* pk) { return Item{{"pk", AttributeValue::string(pk)}}; }

class StorageFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("eddy-storage-faults-" + std::to_string(std::random_device{}()));
    options_.data_dir = folder_.string();
    options_.block_cache_bytes = 0;  // every read of a table file reaches the file system
    options_.file_system = std::make_shared<FaultyFileSystem>(faults_);
    open();
    TableDefinition table;
    table.name = "t";
    table.key.partition_key = {{"pk", AttributeType::kS}};
    auto created = database_->catalog().create(table, [](TableDefinition&) -> Result<void> { return {}; });
    ASSERT_TRUE(created.has_value());
  }
  void TearDown() override {
    faults_->reads = false;
    faults_->writes = false;
    database_.reset();
    std::filesystem::remove_all(folder_);
  }

  void open() {
    database_.reset();
    auto opened = Database::open(options_);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    database_ = std::move(*opened);
  }
  // Writes the data to table files and reopens, so that reads go to the file system.
  void flush_and_reopen() {
    ASSERT_TRUE(database_->flush().has_value());
    open();
  }
  const TableDefinition& table() { return *database_->catalog().find("t"); }

  Result<WriteOutcome> put(const char* pk, const char* v) {
    Item item = key_of_pk(pk);
    item["v"] = AttributeValue::string(v);
    return database_->write_item(
        table(), key_of_pk(pk),
        [item](const std::optional<Item>&) -> Result<std::optional<Item>> { return std::optional<Item>(item); });
  }
  std::optional<std::string> stored_v(const char* pk) {
    auto item = database_->get_item(table(), key_of_pk(pk));
    EXPECT_TRUE(item.has_value());
    if (!item || !*item) return std::nullopt;
    return (*item)->at("v").scalar;
  }

  std::filesystem::path folder_;
  std::shared_ptr<Faults> faults_ = std::make_shared<Faults>();
  StorageOptions options_;
  std::unique_ptr<Database> database_;
};

TEST_F(StorageFaultsTest, FailedReadRefusesAConditionalPutAndOverwritesNothing) {
  ASSERT_TRUE(put("a", "old").has_value());
  flush_and_reopen();
  faults_->reads = true;
  bool decided = false;
  Item replacement = key_of_pk("a");
  replacement["v"] = AttributeValue::string("new");
  // attribute_not_exists(pk): passes only when the read says the item is absent.
  auto outcome = database_->write_item(
      table(), key_of_pk("a"), [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
        decided = true;
        if (current) return fail(ApiError{ErrorCode::kConditionalCheckFailed, "The conditional request failed", {}});
        return std::optional<Item>(replacement);
      });
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInternalServerError);
  EXPECT_EQ(outcome.error().message, kInternalMessage);
  EXPECT_FALSE(decided);  // the condition never saw a made-up "absent"
  auto read = database_->get_item(table(), key_of_pk("a"));
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kInternalServerError);

  faults_->reads = false;
  EXPECT_EQ(stored_v("a"), "old");
  open();
  EXPECT_EQ(stored_v("a"), "old");
}

TEST_F(StorageFaultsTest, FailedWriteIsAnErrorAndIsNotAcknowledged) {
  ASSERT_TRUE(put("a", "old").has_value());
  faults_->writes = true;
  auto outcome = put("a", "new");
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInternalServerError);
  EXPECT_EQ(outcome.error().message, kInternalMessage);
  auto other = put("b", "new");  // RocksDB now refuses every write until it is reopened
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::kInternalServerError);
  faults_->writes = false;
  EXPECT_EQ(stored_v("a"), "old");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  open();
  EXPECT_EQ(stored_v("a"), "old");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  ASSERT_TRUE(put("b", "after").has_value());
  EXPECT_EQ(stored_v("b"), "after");
}

TEST_F(StorageFaultsTest, FailedCatalogWriteLeavesTheDefinitionAsItWas) {
  faults_->writes = true;
  auto modified = database_->catalog().modify("t", [](TableDefinition& table) -> Result<void> {
    table.ttl.enabled = true;
    table.ttl.attribute_name = "expires";
    return {};
  });
  ASSERT_FALSE(modified.has_value());
  EXPECT_EQ(modified.error().code, ErrorCode::kInternalServerError);
  EXPECT_FALSE(table().ttl.enabled);
  auto created =
      database_->catalog().create(TableDefinition{.name = "u"}, [](TableDefinition&) -> Result<void> { return {}; });
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(database_->catalog().find("u"), nullptr);
}

TEST_F(StorageFaultsTest, FailedScanIsAnErrorNotAShorterPage) {
  for (const char* pk : {"a", "b", "c"}) ASSERT_TRUE(put(pk, "v").has_value());
  flush_and_reopen();
  {
    ItemReader all = database_->read(ItemRange::scan(table(), nullptr), true);
    int count = 0;
    for (; all.valid(); all.next()) ++count;
    EXPECT_EQ(count, 3);
    EXPECT_TRUE(all.status().has_value());
  }
  open();  // a cold cache again
  faults_->reads = true;
  ItemReader reader = database_->read(ItemRange::scan(table(), nullptr), true);
  int count = 0;
  for (; reader.valid(); reader.next()) ++count;
  EXPECT_EQ(count, 0);
  auto status = reader.status();
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, ErrorCode::kInternalServerError);
  EXPECT_EQ(status.error().message, kInternalMessage);
}

TEST_F(StorageFaultsTest, FailedStreamLogReadsAreErrors) {
  StreamLog::Changes changes;
  changes.put_stream(7, "descriptor of stream 7");
  changes.put_shard(7, 0, "descriptor of shard 0");
  ASSERT_TRUE(database_->stream_log().write(changes).has_value());
  flush_and_reopen();
  auto streams = database_->stream_log().stream_descriptors();
  ASSERT_TRUE(streams.has_value());
  EXPECT_EQ(*streams, std::vector<std::string>{"descriptor of stream 7"});
  open();
  faults_->reads = true;
  auto failed = database_->stream_log().shard_descriptors(7);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, ErrorCode::kInternalServerError);
  auto last = database_->stream_log().last_sequence(7, 0);
  ASSERT_FALSE(last.has_value());
  faults_->reads = false;
  auto shards = database_->stream_log().shard_descriptors(7);
  ASSERT_TRUE(shards.has_value());
  EXPECT_EQ(*shards, std::vector<std::string>{"descriptor of shard 0"});
}

}  // namespace
}  // namespace eddy::engine
