// TTL on an in-process eddy with a ManualClock: moving the clock past an item's expiry makes the
// sweeper delete it at once (the sweep interval here is an hour, so only the clock's move can
// have woken it), with a REMOVE stream record naming the DynamoDB service.
#include <gtest/gtest.h>

#include <set>

#include "in_process_server.h"
#include "stream_consumer.h"

namespace eddy::in_process {
namespace {

std::string number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

TEST(TtlTime, MovingTheClockPastExpiryDeletesItemsWithServiceRemoveRecords) {
  ServerOptions options;
  options.ttl_sweep_interval_seconds = 3600;
  InProcessServer eddy(options);
  LoopbackClient client = eddy.connect();
  std::string arn = create_stream_table(client, "expiring");
  const std::map<std::string, std::string> expires = {
      {"expired", R"({"N":")" + number(kStart - 10) + "\"}"},
      {"expired_fraction", R"({"N":")" + number(kStart - 4.5) + "\"}"},
      {"soon", R"({"N":")" + number(kStart + 60) + "\"}"},
      {"string", R"({"S":")" + number(kStart - 10) + "\"}"},
      {"ancient", R"({"N":")" + number(kStart - 6 * 366 * 24 * 3600.0) + "\"}"},
      {"missing", ""},
  };
  for (const auto& [key, value] : expires) {
    std::string item = R"({"pk":{"S":")" + key + "\"}" + (value.empty() ? "" : R"(,"expires":)" + value) + "}";
    ASSERT_TRUE(client.dynamodb("PutItem", R"({"TableName":"expiring","Item":)" + item + "}").ok());
  }
  auto present = [&] {
    std::set<std::string> left;
    for (const auto& [key, value] : expires) {
      Answer got = client.dynamodb(
          "GetItem", R"({"TableName":"expiring","ConsistentRead":true,"Key":{"pk":{"S":")" + key + R"("}}})");
      if (got.ok() && got.json.HasMember("Item")) left.insert(key);
    }
    return left;
  };
  // Until TTL is enabled (and until swept), expired items are read as any other.
  EXPECT_EQ(present().size(), expires.size());
  Answer enabled =
      client.dynamodb("UpdateTimeToLive", R"({"TableName":"expiring",)"
                                          R"("TimeToLiveSpecification":{"Enabled":true,"AttributeName":"expires"}})");
  ASSERT_TRUE(enabled.ok()) << enabled.body;

  eddy.clock().advance(1);
  const std::set<std::string> kept = {"soon", "string", "ancient", "missing"};
  ASSERT_TRUE(eventually([&] { return present() == kept; }));
  eddy.clock().advance(60);
  ASSERT_TRUE(eventually([&] { return present() == std::set<std::string>{"string", "ancient", "missing"}; }));

  std::vector<RecordFacts> removes;
  for (const auto& record : read_stream(client, arn)) {
    if (record.event_name == "REMOVE") {
      removes.push_back(record);
    } else {
      EXPECT_EQ(record.user_identity, "") << "a user's write names the service";
    }
  }
  ASSERT_EQ(removes.size(), 3u);
  std::map<std::string, double> removed_at;
  for (const auto& record : removes) {
    EXPECT_EQ(record.user_identity, "dynamodb.amazonaws.com/Service");
    EXPECT_TRUE(record.has_old_image);
    EXPECT_FALSE(record.has_new_image);
    removed_at[record.pk] = record.approximate_creation;
  }
  EXPECT_EQ(removed_at, (std::map<std::string, double>{
                            {"expired", kStart + 1}, {"expired_fraction", kStart + 1}, {"soon", kStart + 61}}));
}

}  // namespace
}  // namespace eddy::in_process
