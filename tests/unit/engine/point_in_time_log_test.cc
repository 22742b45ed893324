// PointInTimeLog and Backups through the Database: every change of a PITR table is logged with the
// clock's millisecond and visited in time order; the table as of a millisecond is the base with the
// changes up to it applied, before and after a trim folds the old ones into the base; an incremental
// period's changed items come with their state before it; a restore replays to a millisecond; a
// restore a crash cut short is removed at the next open; backups keep their items and type.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "eddy/clock.h"
#include "engine/database.h"

namespace eddy::engine {
namespace {

constexpr double kStart = 1900000000;  // epoch seconds, a whole second

Item item(const std::string& pk, const std::string& v) {
  return Item{{"pk", AttributeValue::string(pk)}, {"v", AttributeValue::string(v)}};
}
Item key(const std::string& pk) { return Item{{"pk", AttributeValue::string(pk)}}; }
uint64_t ms(double seconds) { return static_cast<uint64_t>(seconds * 1000); }

class PointInTimeLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("eddy-pitr-log-" + std::to_string(std::random_device{}()));
    options_.data_dir = folder_.string();
    open();
    TableDefinition table;
    table.name = "t";
    table.key.partition_key = {{"pk", AttributeType::kS}};
    ASSERT_TRUE(database_->catalog().create(table, [](TableDefinition&) -> Result<void> { return {}; }));
  }
  void TearDown() override {
    database_.reset();
    std::filesystem::remove_all(folder_);
  }
  void open() {
    database_.reset();
    auto opened = Database::open(options_);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    database_ = std::move(*opened);
    database_->point_in_time_log().set_clock(&clock_);
  }
  const TableDefinition& table() { return *database_->catalog().find("t"); }
  PointInTimeLog& log() { return database_->point_in_time_log(); }

  void enable_pitr() {
    auto enabled = database_->catalog().modify("t", [](TableDefinition& t) -> Result<void> {
      t.pitr.enabled = true;
      return {};
    });
    ASSERT_TRUE(enabled.has_value());
    ASSERT_TRUE(log().start(table(), ms(clock_.now())).has_value());
  }
  void put(const std::string& pk, const std::string& v) {
    Item next = item(pk, v);
    auto written = database_->write_item(
        table(), key(pk), [&](const std::optional<Item>&) -> Result<std::optional<Item>> { return next; });
    ASSERT_TRUE(written.has_value()) << written.error().message;
  }
  void remove(const std::string& pk) {
    auto written = database_->write_item(
        table(), key(pk), [](const std::optional<Item>&) -> Result<std::optional<Item>> { return std::nullopt; });
    ASSERT_TRUE(written.has_value()) << written.error().message;
  }
  // "pk=v" of every item as of `time_ms`, sorted (they come in the storage's key order, by hash).
  std::vector<std::string> items_at(uint64_t time_ms) {
    std::vector<std::string> out;
    auto visited = log().visit_items_at(table().id, time_ms, [&](const Item& i) -> Result<bool> {
      out.push_back(i.at("pk").scalar + "=" + i.at("v").scalar);
      return true;
    });
    EXPECT_TRUE(visited.has_value());
    std::sort(out.begin(), out.end());
    return out;
  }

  std::filesystem::path folder_;
  StorageOptions options_;
  ManualClock clock_{kStart};
  std::unique_ptr<Database> database_;
};

TEST_F(PointInTimeLogTest, LogsNothingUntilEnabledThenEveryChangeInTimeOrder) {
  put("a", "0");
  EXPECT_EQ(*log().change_count(table().id), 0u);
  enable_pitr();
  EXPECT_EQ(*log().base_ms(table().id), ms(kStart));
  clock_.set(kStart + 1);
  put("b", "1");
  clock_.set(kStart + 2);
  remove("a");
  clock_.set(kStart + 2.5);
  put("b", "2");
  std::vector<std::string> seen;
  auto visited = log().visit_changes(table().id, 0, UINT64_MAX, [&](const PointInTimeLog::Change& c) -> Result<bool> {
    seen.push_back(std::to_string(c.time_ms - ms(kStart)) + (c.removed ? " -" : " +") + c.item.at("pk").scalar);
    return true;
  });
  ASSERT_TRUE(visited.has_value());
  EXPECT_EQ(seen, (std::vector<std::string>{"1000 +b", "2000 -a", "2500 +b"}));
  EXPECT_EQ(*log().change_count(table().id), 3u);
}

TEST_F(PointInTimeLogTest, ItemsAtAMillisecondAreTheBaseWithTheChangesUpToIt) {
  put("a", "0");
  put("c", "0");
  enable_pitr();
  clock_.set(kStart + 1);
  put("b", "1");
  clock_.set(kStart + 2);
  remove("a");
  put("c", "2");
  clock_.set(kStart + 3);
  put("a", "3");
  EXPECT_EQ(items_at(ms(kStart)), (std::vector<std::string>{"a=0", "c=0"}));
  EXPECT_EQ(items_at(ms(kStart + 1) - 1), (std::vector<std::string>{"a=0", "c=0"}));
  EXPECT_EQ(items_at(ms(kStart + 1)), (std::vector<std::string>{"a=0", "b=1", "c=0"}));
  EXPECT_EQ(items_at(ms(kStart + 2)), (std::vector<std::string>{"b=1", "c=2"}));
  EXPECT_EQ(items_at(ms(kStart + 3)), (std::vector<std::string>{"a=3", "b=1", "c=2"}));
}

TEST_F(PointInTimeLogTest, TrimFoldsOldChangesIntoTheBaseAndKeepsLaterTimesRight) {
  enable_pitr();
  for (int second = 1; second <= 5; ++second) {
    clock_.set(kStart + second);
    put("a", std::to_string(second));
    put("k" + std::to_string(second), "x");
  }
  clock_.set(kStart + 6);
  remove("k1");
  ASSERT_EQ(*log().change_count(table().id), 11u);
  ASSERT_TRUE(log().trim(table().id, ms(kStart + 4)).has_value());
  EXPECT_EQ(*log().base_ms(table().id), ms(kStart + 4));
  EXPECT_EQ(*log().change_count(table().id), 5u);  // seconds 4, 5 and 6 are left
  EXPECT_EQ(items_at(ms(kStart + 4)), (std::vector<std::string>{"a=4", "k1=x", "k2=x", "k3=x", "k4=x"}));
  EXPECT_EQ(items_at(ms(kStart + 6)), (std::vector<std::string>{"a=5", "k2=x", "k3=x", "k4=x", "k5=x"}));
  // A trim to a time not after the base time changes nothing.
  ASSERT_TRUE(log().trim(table().id, ms(kStart + 2)).has_value());
  EXPECT_EQ(*log().base_ms(table().id), ms(kStart + 4));
}

TEST_F(PointInTimeLogTest, ChangedItemsOfAPeriodComeOnceWithTheirStateBeforeIt) {
  put("kept", "0");
  put("updated", "0");
  put("deleted", "0");
  enable_pitr();
  clock_.set(kStart + 10);
  put("updated", "1");  // before the period: the old image is this one
  clock_.set(kStart + 20);
  put("updated", "2");
  remove("deleted");
  put("made", "2");
  put("fleeting", "2");
  clock_.set(kStart + 21);
  remove("fleeting");
  put("updated", "3");
  clock_.set(kStart + 30);
  put("kept", "after");  // at the period's end, which is exclusive
  std::vector<std::string> seen;
  auto visited = log().visit_changed_items(
      table(), ms(kStart + 20), ms(kStart + 30), [&](const PointInTimeLog::ChangedItem& c) -> Result<bool> {
        std::string line = c.key.at("pk").scalar + "@" + std::to_string(c.last_change_ms - ms(kStart));
        line += " old=" + (c.old_item ? c.old_item->at("v").scalar : std::string("-"));
        line += " new=" + (c.new_item ? c.new_item->at("v").scalar : std::string("-"));
        seen.push_back(line);
        return true;
      });
  ASSERT_TRUE(visited.has_value());
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"deleted@20000 old=0 new=-", "made@20000 old=- new=2",
                                            "updated@21000 old=1 new=3"}));
}

TEST_F(PointInTimeLogTest, RestoreReplaysTheLogToAMillisecond) {
  put("a", "0");
  enable_pitr();
  clock_.set(kStart + 1);
  put("b", "1");
  clock_.set(kStart + 2);
  put("a", "2");
  remove("b");
  TableDefinition target = table();
  target.name = "restored";
  target.pitr = PointInTimeRecovery{};
  target.restore = RestoreSummary{"", table().arn(), kStart + 1, true};
  auto created = database_->create_restored_table(target, [](TableDefinition&) -> Result<void> { return {}; });
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ((*created)->status, "CREATING");
  Database::RestoreSource source;
  source.table_id = table().id;
  source.time_ms = ms(kStart + 1);
  auto finished = database_->load_restored_table(**created, source);
  ASSERT_TRUE(finished.has_value()) << finished.error().message;
  EXPECT_EQ((*finished)->status, "ACTIVE");
  EXPECT_FALSE((*finished)->restore->in_progress);
  const TableDefinition& restored = **finished;
  EXPECT_EQ((*database_->get_item(restored, key("a")))->at("v").scalar, "0");
  EXPECT_EQ((*database_->get_item(restored, key("b")))->at("v").scalar, "1");
  EXPECT_EQ(database_->counters(restored.id)->count, 2);
}

TEST_F(PointInTimeLogTest, ARestoreCutShortIsRemovedAtTheNextOpen) {
  put("a", "0");
  auto backup = database_->backups().create(table(), Backup{0, "arn:b", "b", "AVAILABLE", "USER", kStart, 0, 0, {}});
  ASSERT_TRUE(backup.has_value());
  TableDefinition target = table();
  target.name = "half";
  target.restore = RestoreSummary{"arn:b", table().arn(), kStart, true};
  auto created = database_->create_restored_table(target, [](TableDefinition&) -> Result<void> { return {}; });
  ASSERT_TRUE(created.has_value());
  Database::RestoreSource source;
  source.backup_id = backup->id;
  source.pause_after_items = 1;
  bool paused = false;
  source.pause = [&] { paused = true; };
  auto loaded = database_->load_restored_table(**created, source);
  EXPECT_TRUE(paused);
  EXPECT_FALSE(loaded.has_value());  // the pause ends the load, as a crash would
  EXPECT_EQ(database_->catalog().find("half")->status, "CREATING");
  open();
  EXPECT_EQ(database_->catalog().find("half"), nullptr);
  EXPECT_NE(database_->catalog().find("t"), nullptr);
}

TEST_F(PointInTimeLogTest, BackupsKeepTheirItemsAndTypeAcrossAReopen) {
  put("a", "0");
  put("b", "1");
  Backup system{0, "arn:s", "t$DeletedTableBackup", "AVAILABLE", "SYSTEM", kStart, 0, 0, {}};
  auto created = database_->backups().create(table(), system);
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->item_count, 2);
  put("c", "2");  // after the backup: not in it
  open();
  auto found = database_->backups().find("arn:s");
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->type, "SYSTEM");
  EXPECT_EQ((*found)->table.name, "t");
  std::vector<std::string> items;
  auto visited = database_->backups().visit_items((*found)->id, [&](const Item& i) -> Result<bool> {
    items.push_back(i.at("pk").scalar);
    return true;
  });
  ASSERT_TRUE(visited.has_value());
  std::sort(items.begin(), items.end());
  EXPECT_EQ(items, (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(database_->backups().remove((*found)->id).has_value());
  EXPECT_FALSE(database_->backups().find("arn:s")->has_value());
}

}  // namespace
}  // namespace eddy::engine
