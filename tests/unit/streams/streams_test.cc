// Streams with a ManualClock on an in-memory database: iterator expiry, trimming, rollover
// lineage and the formats, without waiting in real time.
#include <gtest/gtest.h>

#include "engine/database.h"
#include "model/clock.h"
#include "streams/sequence_number.h"
#include "streams/shard_iterator.h"
#include "streams/stream_record.h"
#include "streams/streams.h"

namespace eddy::streams {
namespace {

class StreamsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine::StorageOptions storage;
    storage.in_memory = true;
    database_ = std::move(*engine::Database::open(storage));
    table_.name = "t";
    table_.key.partition_key.push_back({"pk", AttributeType::kS});
    table_.stream = {true, "NEW_IMAGE", "2026-01-01T00:00:00.000"};
    auto created = database_->catalog().create(table_, [](TableDefinition&) -> Result<void> { return {}; });
    ASSERT_TRUE(created);
    table_ = **created;
    StreamOptions options;
    options.shards = 1;
    options.rollover_seconds = 100;
    options.retention_seconds = 1000;
    streams_ = std::make_unique<Streams>(*database_, clock_, options);
    ASSERT_TRUE(streams_->load());
    database_->add_observer(streams_.get());
  }

  // GetRecords of up to 1,000 records; their JSON lands in records_.
  Result<RecordsPage> read(const std::string& iterator) {
    records_.clear();
    return streams_->get_records(iterator, 1000, records_);
  }

  void put(const std::string& pk, const std::string& v) {
    Item key{{"pk", AttributeValue::string(pk)}};
    Item item = key;
    item["v"] = AttributeValue::number(v);
    ASSERT_TRUE(database_->write_item(table_, key, [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
      return std::optional<Item>(item);
    }));
  }

  std::string shard_id(std::size_t i = 0) {
    return streams_->describe_stream(table_.stream_arn())->shards.at(i).shard_id;
  }

  ManualClock clock_{1767225600.0};  // 2026-01-01T00:00:00Z
  std::unique_ptr<engine::Database> database_;
  TableDefinition table_;
  std::unique_ptr<Streams> streams_;
  std::string records_;
};

TEST_F(StreamsTest, SequenceNumbersHaveTwentyOneDigits) {
  EXPECT_EQ(format_sequence_number(42), "100000000000000000042");
  EXPECT_EQ(parse_sequence_number("100000000000000000042"), 42u);
  EXPECT_FALSE(parse_sequence_number("000000000000000000042"));
  EXPECT_FALSE(parse_sequence_number("1000000000000000000x2"));
  EXPECT_FALSE(parse_sequence_number("10000000000000000004"));
}

TEST_F(StreamsTest, RecordsGetTheirSequenceNumberAfterRendering) {
  Item key{{"pk", AttributeValue::string("a")}};
  std::optional<Item> absent;
  std::optional<Item> item = key;
  RecordInput input{&table_.key, &absent, &item, false, "KEYS_ONLY", "us-east-1", 1767225600.0};
  std::size_t at = 0;
  std::string json = render_record(input, at);
  EXPECT_EQ(json.substr(at, 21), format_sequence_number(0));
  for (uint64_t sequence : {uint64_t{42}, uint64_t{1234567890123}, UINT64_MAX}) {
    set_record_sequence(json, at, sequence);
    EXPECT_EQ(json.substr(at - 18, 18 + 21 + 1), "\"SequenceNumber\":\"" + format_sequence_number(sequence) + "\"");
  }
}

TEST_F(StreamsTest, EditedIteratorsAreRefused) {
  ShardIterator it{"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x", 7, 1, 99, 123};
  std::string text = encode_shard_iterator(it);
  auto decoded = decode_shard_iterator(text);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->position, 99u);
  text[text.size() - 5] = text[text.size() - 5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(decode_shard_iterator(text));
  EXPECT_FALSE(decode_shard_iterator("junk"));
}

TEST_F(StreamsTest, IteratorsExpireAfterFifteenMinutes) {
  put("a", "1");
  auto it = streams_->get_shard_iterator(table_.stream_arn(), shard_id(), IteratorType::kTrimHorizon, std::nullopt);
  ASSERT_TRUE(it);
  clock_.advance(14 * 60);
  auto page = read(*it);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->count, 1u);
  clock_.advance(2 * 60);
  auto late = read(*it);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kExpiredIterator);
  EXPECT_TRUE(read(*page->next_iterator));  // issued later: still valid
}

TEST_F(StreamsTest, RetentionTrimsAndOldIteratorsSeeTrimmedData) {
  put("a", "1");
  clock_.advance(600);
  auto old = streams_->get_shard_iterator(table_.stream_arn(), shard_id(), IteratorType::kTrimHorizon, std::nullopt);
  put("a", "2");
  clock_.advance(500);  // the first record is now 1100 s old, the second 500 s
  streams_->maintain();
  auto page = read(*old);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kTrimmedDataAccess);
  auto horizon =
      streams_->get_shard_iterator(table_.stream_arn(), shard_id(), IteratorType::kTrimHorizon, std::nullopt);
  auto rest = read(*horizon);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->count, 1u);
  EXPECT_NE(records_.find("\"v\":{\"N\":\"2\"}"), std::string::npos);
}

TEST_F(StreamsTest, RolloverClosesTheShardAndChildContinues) {
  put("a", "1");
  clock_.advance(101);
  streams_->maintain();
  put("a", "2");
  auto stream = streams_->describe_stream(table_.stream_arn());
  ASSERT_TRUE(stream);
  ASSERT_EQ(stream->shards.size(), 2u);
  const Shard& parent = stream->shards[0].parent_shard_id.empty() ? stream->shards[0] : stream->shards[1];
  const Shard& child = stream->shards[0].parent_shard_id.empty() ? stream->shards[1] : stream->shards[0];
  EXPECT_TRUE(parent.closed);
  EXPECT_FALSE(child.closed);
  EXPECT_EQ(child.parent_shard_id, parent.shard_id);
  EXPECT_LT(parent.last_sequence, child.starting_sequence);
  auto it =
      streams_->get_shard_iterator(table_.stream_arn(), parent.shard_id, IteratorType::kTrimHorizon, std::nullopt);
  auto page = read(*it);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->count, 1u);
  EXPECT_FALSE(page->next_iterator);  // closed and fully read
  std::string parent_id = parent.shard_id;
  clock_.advance(1000 + 200);  // past retention after closing: the parent goes
  streams_->maintain();
  auto described = streams_->describe_stream(table_.stream_arn());
  ASSERT_TRUE(described);
  for (const auto& shard : described->shards) {
    EXPECT_NE(shard.shard_id, parent_id);
  }
}

}  // namespace
}  // namespace eddy::streams
