// What a write that meets a storage fault leaves behind, and what eddy does
// when the fault is gone: a full disk (ENOSPC), a short write and a failed
// fsync are InternalServerError and are never acknowledged; what was
// acknowledged before is readable after reopening; once space returns the next
// write resumes RocksDB's writes without a reopen; and a damaged table file
// stops the open with a message that names it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "engine/database.h"
#include "fault_injection.h"

namespace eddy::engine {
namespace {

constexpr const char* kInternalMessage = "The server encountered an internal error trying to fulfill the request.";

Item key_of_pk(const std::string& pk) { return Item{{"pk", AttributeValue::string(pk)}}; }

class StorageRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("eddy-storage-recovery-" + std::to_string(std::random_device{}()));
    options_.data_dir = folder_.string();
    options_.file_system = std::make_shared<fault_injection::FaultyFileSystem>(faults_);
    open();
    TableDefinition table;
    table.name = "t";
    table.key.partition_key = {{"pk", AttributeType::kS}};
    auto created = database_->catalog().create(table, [](TableDefinition&) -> Result<void> { return {}; });
    ASSERT_TRUE(created.has_value());
  }
  void TearDown() override {
    clear_faults();
    database_.reset();
    std::filesystem::remove_all(folder_);
  }

  void clear_faults() {
    faults_->no_space = false;
    faults_->short_writes = false;
    faults_->failed_syncs = false;
  }
  void open() {
    database_.reset();
    auto opened = Database::open(options_);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    database_ = std::move(*opened);
  }
  const TableDefinition& table() { return *database_->catalog().find("t"); }

  // An item of three attributes, so that a half-applied write would show.
  Result<WriteOutcome> put(const std::string& pk, const std::string& v) {
    Item item = key_of_pk(pk);
    item["v"] = AttributeValue::string(v);
    item["w"] = AttributeValue::string(v + "-w");
    return database_->write_item(
        table(), key_of_pk(pk),
        [item](const std::optional<Item>&) -> Result<std::optional<Item>> { return std::optional<Item>(item); });
  }
  void expect_refused(const Result<WriteOutcome>& outcome) {
    ASSERT_FALSE(outcome.has_value());
    EXPECT_EQ(outcome.error().code, ErrorCode::kInternalServerError);
    EXPECT_EQ(outcome.error().message, kInternalMessage);
  }
  // "v" of the stored item (nullopt when absent), after checking that the item
  // is whole.
  std::optional<std::string> stored_v(const std::string& pk) {
    auto item = database_->get_item(table(), key_of_pk(pk));
    EXPECT_TRUE(item.has_value());
    if (!item || !*item) return std::nullopt;
    const Item& found = **item;
    EXPECT_EQ(found.size(), 3u);
    EXPECT_EQ(found.at("w").scalar, found.at("v").scalar + "-w");
    return found.at("v").scalar;
  }

  std::filesystem::path folder_;
  std::shared_ptr<fault_injection::Faults> faults_ = std::make_shared<fault_injection::Faults>();
  StorageOptions options_;
  std::unique_ptr<Database> database_;
};

TEST_F(StorageRecoveryTest, FullDiskRefusesWritesAndTheNextWriteResumesOnceSpaceReturns) {
  ASSERT_TRUE(put("a", "before").has_value());
  faults_->no_space = true;
  expect_refused(put("b", "while-full"));
  expect_refused(put("c",
                     "while-full"));  // the resume's own flush fails too while the disk is full
  EXPECT_GT(faults_->failures.load(), 0);
  // Reads go on while writes are stopped.
  EXPECT_EQ(stored_v("a"), "before");
  EXPECT_EQ(stored_v("b"), std::nullopt);

  faults_->no_space = false;
  ASSERT_TRUE(put("d", "after").has_value());  // no reopen
  ASSERT_TRUE(put("a", "overwritten").has_value());
  EXPECT_EQ(stored_v("a"), "overwritten");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  EXPECT_EQ(stored_v("c"), std::nullopt);
  EXPECT_EQ(stored_v("d"), "after");

  open();
  EXPECT_EQ(stored_v("a"), "overwritten");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  EXPECT_EQ(stored_v("c"), std::nullopt);
  EXPECT_EQ(stored_v("d"), "after");
}

TEST_F(StorageRecoveryTest, FullDiskRightAfterOpeningResumesToo) {
  ASSERT_TRUE(put("a", "before").has_value());
  open();  // nothing in the memtable: the resume has nothing to flush
  faults_->no_space = true;
  expect_refused(put("b", "while-full"));
  faults_->no_space = false;
  ASSERT_TRUE(put("c", "after").has_value());
  open();
  EXPECT_EQ(stored_v("a"), "before");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  EXPECT_EQ(stored_v("c"), "after");
}

// RocksDB 7.8 cannot resume after a full disk met while it switches to a new
// write-ahead log (a flush starts one): eddy refuses writes from then on, says
// so in its log, and a restart replays everything acknowledged
// (docs/reliability.md, Storage faults).
TEST_F(StorageRecoveryTest, FullDiskWhileSwitchingLogsRefusesWritesUntilReopened) {
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(put("k" + std::to_string(i), "v" + std::to_string(i)).has_value());
  faults_->no_space = true;
  EXPECT_FALSE(database_->flush().has_value());
  expect_refused(put("x", "while-full"));
  faults_->no_space = false;
  expect_refused(put("y", "after"));
  EXPECT_EQ(stored_v("k7"), "v7");  // reads go on
  open();
  for (int i = 0; i < 50; ++i) EXPECT_EQ(stored_v("k" + std::to_string(i)), "v" + std::to_string(i));
  EXPECT_EQ(stored_v("x"), std::nullopt);
  EXPECT_EQ(stored_v("y"), std::nullopt);
  ASSERT_TRUE(put("z", "reopened").has_value());
  EXPECT_EQ(stored_v("z"), "reopened");
}

TEST_F(StorageRecoveryTest, FullDiskAfterAFlushResumesToo) {
  ASSERT_TRUE(put("a", "before").has_value());
  ASSERT_TRUE(database_->flush().has_value());  // the memtable is empty again
  faults_->no_space = true;
  expect_refused(put("b", "while-full"));
  faults_->no_space = false;
  ASSERT_TRUE(put("c", "after").has_value());
  ASSERT_TRUE(put("d", "after").has_value());
  open();
  EXPECT_EQ(stored_v("a"), "before");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  EXPECT_EQ(stored_v("c"), "after");
  EXPECT_EQ(stored_v("d"), "after");
}

TEST_F(StorageRecoveryTest, ShortWriteIsRefusedAndTheLogReplaysWhatWasAcknowledged) {
  ASSERT_TRUE(put("a", "before").has_value());
  faults_->short_writes = true;
  expect_refused(put("b", "torn"));
  faults_->short_writes = false;
  // A log with a torn record cannot be appended to again: writes stay refused
  // until a reopen, which replays the log up to the torn record.
  expect_refused(put("c", "after-tear"));
  EXPECT_EQ(stored_v("b"), std::nullopt);
  open();
  EXPECT_EQ(stored_v("a"), "before");
  EXPECT_EQ(stored_v("b"), std::nullopt);
  EXPECT_EQ(stored_v("c"), std::nullopt);
  ASSERT_TRUE(put("d", "reopened").has_value());
  open();
  EXPECT_EQ(stored_v("d"), "reopened");
}

TEST_F(StorageRecoveryTest, FailedSyncIsRefusedAndNeverHalfApplied) {
  options_.sync_writes = true;
  open();
  ASSERT_TRUE(put("a", "synced").has_value());
  faults_->failed_syncs = true;
  expect_refused(put("b", "unsynced"));
  EXPECT_EQ(stored_v("b"),
            std::nullopt);  // not visible: it was not acknowledged
  faults_->failed_syncs = false;
  open();
  EXPECT_EQ(stored_v("a"), "synced");
  // The record reached the log before its sync failed, so the reopen may replay
  // it: whole, as a DynamoDB InternalServerError leaves a write that may or may
  // not have happened.
  std::optional<std::string> b = stored_v("b");
  EXPECT_TRUE(!b || *b == "unsynced");
}

// Flips bytes a quarter into the largest table file: inside its data blocks,
// which RocksDB's open does not read (it reads footers, indexes and filters).
std::filesystem::path damage_a_table_file(const std::filesystem::path& folder) {
  std::filesystem::path largest;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".sst") continue;
    if (largest.empty() || entry.file_size() > std::filesystem::file_size(largest)) largest = entry.path();
  }
  if (largest.empty()) return largest;
  std::fstream file(largest, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(largest) / 4));
  file.write("\xde\xad\xbe\xef\xde\xad\xbe\xef", 8);
  return largest;
}

TEST_F(StorageRecoveryTest, DamagedTableFileStopsTheOpenWithAMessageThatSaysSo) {
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(put("k" + std::to_string(i), std::string(100, 'x')).has_value());
  ASSERT_TRUE(database_->flush().has_value());
  database_.reset();
  std::filesystem::path damaged = damage_a_table_file(folder_);
  ASSERT_FALSE(damaged.empty());
  auto opened = Database::open(options_);
  ASSERT_FALSE(opened.has_value());
  EXPECT_NE(opened.error().message.find("the data folder " + folder_.string() + " is damaged"), std::string::npos)
      << opened.error().message;
  EXPECT_NE(opened.error().message.find("Corruption"), std::string::npos) << opened.error().message;
  EXPECT_NE(opened.error().message.find(damaged.filename().string()), std::string::npos) << opened.error().message;
}

}  // namespace
}  // namespace eddy::engine
