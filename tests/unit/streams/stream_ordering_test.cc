// Sequence order without a process-wide lock: writers of one shard commit in any order, yet a
// reader never sees a sequence number appear below one it has already read, a write that fails
// after taking its sequence holds no reader back, and a closed shard whose last sequence never got
// a record still ends.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "engine/database.h"
#include "model/clock.h"
#include "streams/sequence_number.h"
#include "streams/streams.h"

namespace eddy::streams {
namespace {

// Fails every commit while `failing` is set, after the stream has staged its record.
class FailingObserver : public engine::ChangeObserver {
 public:
  Result<void> on_change(const engine::ItemChange&, engine::CommitContext&) override {
    if (failing) return fail(ApiError::internal("refused by the test"));
    return {};
  }
  std::atomic<bool> failing{false};
};

class StreamOrderingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine::StorageOptions storage;
    storage.in_memory = true;
    database_ = std::move(*engine::Database::open(storage));
    TableDefinition table;
    table.name = "t";
    table.key.partition_key.push_back({"pk", AttributeType::kS});
    table.stream = {true, "KEYS_ONLY", "2026-01-01T00:00:00.000"};
    auto created = database_->catalog().create(table, [](TableDefinition&) -> Result<void> { return {}; });
    ASSERT_TRUE(created);
    table_ = **created;
    StreamOptions options;
    options.shards = 1;  // every writer in the same shard
    options.rollover_seconds = 100;
    streams_ = std::make_unique<Streams>(*database_, clock_, options);
    ASSERT_TRUE(streams_->load());
    database_->add_observer(streams_.get());
    database_->add_observer(&failing_);
  }

  Result<engine::WriteOutcome> put(const std::string& pk) {
    Item key{{"pk", AttributeValue::string(pk)}};
    return database_->write_item(table_, key, [key](const std::optional<Item>&) -> Result<std::optional<Item>> {
      return std::optional<Item>(key);
    });
  }

  std::string iterator(IteratorType type, std::size_t shard = 0) {
    auto stream = streams_->describe_stream(table_.stream_arn());
    auto it = streams_->get_shard_iterator(table_.stream_arn(), stream->shards.at(shard).shard_id, type, std::nullopt);
    return it.value_or("");
  }

  // The SequenceNumbers of the records in one GetRecords answer, in order.
  static std::vector<uint64_t> sequences(const std::string& records) {
    std::vector<uint64_t> out;
    const std::string mark = "\"SequenceNumber\":\"";
    for (auto at = records.find(mark); at != std::string::npos; at = records.find(mark, at + 1)) {
      out.push_back(*parse_sequence_number(std::string_view(records).substr(at + mark.size(), 21)));
    }
    return out;
  }

  ManualClock clock_{1767225600.0};
  std::unique_ptr<engine::Database> database_;
  TableDefinition table_;
  std::unique_ptr<Streams> streams_;
  FailingObserver failing_;
};

TEST_F(StreamOrderingTest, ConcurrentWritersNeverShowASmallerSequenceLater) {
  constexpr int kWriters = 4;
  constexpr int kPerWriter = 500;
  std::string next = iterator(IteratorType::kTrimHorizon);
  std::vector<uint64_t> seen;
  bool ordered = true;
  auto read_once = [&] {
    std::string records;
    auto page = streams_->get_records(next, 1000, records);
    ASSERT_TRUE(page);
    for (uint64_t sequence : sequences(records)) {
      if (!seen.empty() && sequence <= seen.back()) ordered = false;
      seen.push_back(sequence);
    }
    next = *page->next_iterator;
  };
  std::atomic<int> running{kWriters};
  std::vector<std::thread> writers;
  writers.reserve(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kPerWriter; ++i) EXPECT_TRUE(put("w" + std::to_string(w) + "-" + std::to_string(i)));
      --running;
    });
  }
  while (running > 0) read_once();  // reads while the writers commit in whatever order they do
  for (auto& writer : writers) writer.join();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (seen.size() < static_cast<std::size_t>(kWriters) * kPerWriter && std::chrono::steady_clock::now() < deadline)
    read_once();
  EXPECT_TRUE(ordered);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kWriters * kPerWriter));  // none skipped
}

TEST_F(StreamOrderingTest, AFailedWriteHoldsNoReaderBack) {
  ASSERT_TRUE(put("first"));
  failing_.failing = true;
  auto refused = put("refused");  // takes a sequence, then its commit fails
  ASSERT_FALSE(refused);
  failing_.failing = false;
  ASSERT_TRUE(put("after"));
  std::string records;
  auto page = streams_->get_records(iterator(IteratorType::kTrimHorizon), 1000, records);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->count, 2u);
  EXPECT_NE(records.find("\"first\""), std::string::npos);
  EXPECT_NE(records.find("\"after\""), std::string::npos);
  EXPECT_EQ(records.find("\"refused\""), std::string::npos);
}

TEST_F(StreamOrderingTest, AClosedShardEndsWhenItsLastSequenceNeverGotARecord) {
  ASSERT_TRUE(put("first"));
  failing_.failing = true;
  ASSERT_FALSE(put("refused"));  // the shard's last sequence, never written
  failing_.failing = false;
  clock_.advance(101);
  streams_->maintain();  // rollover closes the shard
  auto stream = streams_->describe_stream(table_.stream_arn());
  ASSERT_TRUE(stream);
  ASSERT_EQ(stream->shards.size(), 2u);
  std::size_t parent = stream->shards[0].parent_shard_id.empty() ? 0 : 1;
  std::string records;
  auto page = streams_->get_records(iterator(IteratorType::kTrimHorizon, parent), 1000, records);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->count, 1u);
  EXPECT_FALSE(page->next_iterator);  // closed and read to its end
}

}  // namespace
}  // namespace eddy::streams
