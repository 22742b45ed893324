// DynamoDB Streams over time, on an in-process eddy whose ManualClock the tests move: retention
// trimming and TrimmedDataAccessException, the bound on what a steady write load keeps, shard
// rollover with lineage, and iterator expiry. Nothing here waits for real time to pass; the tests
// move the clock and poll (with a deadline) for the background pass that the move wakes.
#include <gtest/gtest.h>

#include "in_process_server.h"
#include "stream_consumer.h"

namespace eddy::in_process {
namespace {

constexpr double kHour = 3600;
constexpr double kMinute = 60;
constexpr const char* kTrimmedMessage = "The operation attempted to read past the oldest stream record in a shard.";

ServerOptions one_shard() {
  ServerOptions options;
  options.stream_shards = 1;
  return options;
}

TEST(StreamTime, RecordsOlderThanTwentyFourHoursAreTrimmed) {
  InProcessServer eddy(one_shard());
  LoopbackClient client = eddy.connect();
  std::string arn = create_stream_table(client, "retained");
  put_item(client, "retained", "a", "1");
  std::string shard = shards_of(client, arn).at(0).id;
  auto first = read_shard(client, shard_iterator(client, arn, shard, "TRIM_HORIZON").json["ShardIterator"].GetString());
  ASSERT_EQ(first.size(), 1u);
  std::string sequence = first[0].sequence;

  // Five minutes before the record turns 24 hours old, it is still there; an iterator taken now
  // is young enough (15 minutes) to outlive the trim.
  eddy.clock().advance(24 * kHour - 5 * kMinute);
  Answer old = shard_iterator(client, arn, shard, "TRIM_HORIZON");
  ASSERT_TRUE(old.ok()) << old.body;
  std::string iterator = old.json["ShardIterator"].GetString();
  ASSERT_EQ(read_shard(client, iterator).size(), 1u);

  eddy.clock().advance(10 * kMinute);
  Answer trimmed;
  ASSERT_TRUE(eventually([&] {
    trimmed = get_records(client, iterator);
    return !trimmed.ok();
  })) << "the record was never trimmed";
  EXPECT_EQ(trimmed.status, 400);
  EXPECT_EQ(trimmed.error_type(), "TrimmedDataAccessException");
  EXPECT_EQ(trimmed.message(), kTrimmedMessage);

  Answer after = shard_iterator(client, arn, shard, "AFTER_SEQUENCE_NUMBER", sequence);
  EXPECT_EQ(after.error_type(), "TrimmedDataAccessException");
  EXPECT_EQ(after.message(), kTrimmedMessage);

  put_item(client, "retained", "a", "2");
  EXPECT_EQ(values_by_key(read_stream(client, arn)), (std::map<std::string, std::vector<std::string>>{{"a", {"2"}}}));
}

// Under a steady write load only the last 24 hours stay: every older record and every shard
// closed before then is deleted, so what the stream holds stays bounded.
TEST(StreamTime, SteadyWritesKeepOnlyTheLastDay) {
  InProcessServer eddy(one_shard());
  LoopbackClient client = eddy.connect();
  std::string arn = create_stream_table(client, "steady", "NEW_IMAGE");
  std::string first_shard = shards_of(client, arn).at(0).id;
  for (int round = 0; round < 4; ++round) {
    if (round > 0) {
      // Each move must be seen by a background pass of its own before the next one: two moves that
      // one pass sees together are one rollover, not two.
      std::string open_before;
      for (const auto& shard : shards_of(client, arn)) {
        if (shard.ending_sequence.empty()) open_before = shard.id;
      }
      eddy.clock().advance(13 * kHour);
      ASSERT_TRUE(eventually([&] {
        for (const auto& shard : shards_of(client, arn)) {
          if (shard.ending_sequence.empty() && shard.id != open_before) return true;
        }
        return false;
      })) << "no rollover in round "
          << round;
    }
    for (int i = 0; i < 20; ++i) put_item(client, "steady", "k" + std::to_string(i), std::to_string(round));
  }
  // Now 39 hours in: the rounds written 39 and 26 hours ago are past the retention, and so is the
  // first shard, closed at hour 13. The background pass has run once the clock moved.
  std::map<std::string, std::vector<std::string>> expected;
  for (int i = 0; i < 20; ++i) expected["k" + std::to_string(i)] = {"2", "3"};
  std::vector<ShardFacts> shards;
  ASSERT_TRUE(eventually([&] {
    shards = shards_of(client, arn);
    return values_by_key(read_stream(client, arn)) == expected && shards.size() == 3;
  })) << "shards: "
      << shards.size();
  for (const auto& shard : shards) EXPECT_NE(shard.id, first_shard);
  EXPECT_EQ(shards[0].parent, first_shard);  // the lineage still names the removed parent, as on AWS
}

TEST(StreamTime, ShardsRollOverEveryFourHoursAndConsumersFollowTheLineage) {
  ServerOptions options;
  options.stream_shards = 2;
  InProcessServer eddy(options);
  LoopbackClient client = eddy.connect();
  std::string arn = create_stream_table(client, "rolling", "NEW_IMAGE");
  const std::vector<std::string> keys = {"k0", "k1", "k2", "k3", "k4", "k5"};
  std::map<std::string, std::vector<std::string>> written;
  for (int round = 1; round <= 4; ++round) {
    for (const auto& key : keys) {
      put_item(client, "rolling", key, std::to_string(round));
      written[key].push_back(std::to_string(round));
    }
    ASSERT_EQ(shards_of(client, arn).size(), std::size_t{2} * round) << "a rollover came early";
    eddy.clock().advance(4 * kHour + 1);
    ASSERT_TRUE(eventually([&] { return shards_of(client, arn).size() == std::size_t{2} * (round + 1); }))
        << "no rollover after round " << round;
  }
  std::vector<ShardFacts> shards = shards_of(client, arn);
  std::map<std::string, ShardFacts> by_id;
  for (const auto& shard : shards) by_id[shard.id] = shard;
  int open = 0;
  int children = 0;
  for (const auto& shard : shards) {
    if (shard.ending_sequence.empty()) ++open;
    if (shard.parent.empty()) continue;
    ++children;
    const ShardFacts& parent = by_id.at(shard.parent);
    ASSERT_FALSE(parent.ending_sequence.empty()) << "a parent shard is still open";
    // Sequence numbers have 21 digits (more than a uint64_t holds), so they compare as text.
    ASSERT_EQ(parent.ending_sequence.size(), shard.starting_sequence.size());
    EXPECT_LT(parent.ending_sequence, shard.starting_sequence);
  }
  EXPECT_EQ(open, 2);
  EXPECT_EQ(children, 8);
  EXPECT_EQ(values_by_key(read_stream(client, arn)), written);
}

TEST(StreamTime, IteratorsExpireAfterFifteenMinutes) {
  InProcessServer eddy(one_shard());
  LoopbackClient client = eddy.connect();
  std::string arn = create_stream_table(client, "expiring");
  std::string shard = shards_of(client, arn).at(0).id;
  std::string iterator = shard_iterator(client, arn, shard, "LATEST").json["ShardIterator"].GetString();

  eddy.clock().advance(14 * kMinute);
  Answer young = get_records(client, iterator);
  ASSERT_TRUE(young.ok()) << young.body;
  std::string next = young.json["NextShardIterator"].GetString();

  eddy.clock().advance(kMinute + 1);
  Answer old = get_records(client, iterator);
  EXPECT_EQ(old.status, 400);
  EXPECT_EQ(old.error_type(), "ExpiredIteratorException");
  EXPECT_EQ(old.message(),
            "Iterator expired. The iterator was created at time Thu Jan 01 00:00:00 UTC 2026 while right now it is "
            "Thu Jan 01 00:15:01 UTC 2026 which is further in the future than the tolerated delay of 900000 "
            "milliseconds.");
  // The iterator GetRecords handed back at minute 14 is only one minute old.
  EXPECT_TRUE(get_records(client, next).ok());
}

}  // namespace
}  // namespace eddy::in_process
