// The times a client sees come from the server's clock: CreationDateTime, stream labels,
// ApproximateCreationDateTime, and the ten minutes for which a TransactWriteItems
// ClientRequestToken names one request. In-process eddy with a ManualClock; nothing waits.
#include <gtest/gtest.h>

#include "in_process_server.h"
#include "stream_consumer.h"

namespace eddy::in_process {
namespace {

TEST(RequestTime, CreationTimesAndStreamLabelsReadTheClock) {
  InProcessServer eddy;
  LoopbackClient client = eddy.connect();
  eddy.clock().advance(0.25);
  std::string arn = create_stream_table(client, "dated", "KEYS_ONLY");
  Answer described = client.dynamodb("DescribeTable", R"({"TableName":"dated"})");
  ASSERT_TRUE(described.ok()) << described.body;
  EXPECT_DOUBLE_EQ(described.json["Table"]["CreationDateTime"].GetDouble(), kStart + 0.25);
  EXPECT_STREQ(described.json["Table"]["LatestStreamLabel"].GetString(), "2026-01-01T00:00:00.250");
  EXPECT_EQ(arn, "arn:aws:dynamodb:us-east-1:000000000000:table/dated/stream/2026-01-01T00:00:00.250");

  eddy.clock().advance(90);
  put_item(client, "dated", "a", "1");
  auto records = read_stream(client, arn);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].approximate_creation, kStart + 90);  // whole seconds, as DynamoDB

  // A stream enabled again later gets a label of its own time.
  ASSERT_TRUE(
      client.dynamodb("UpdateTable", R"({"TableName":"dated","StreamSpecification":{"StreamEnabled":false}})").ok());
  eddy.clock().advance(3600);
  Answer enabled = client.dynamodb("UpdateTable", R"({"TableName":"dated","StreamSpecification":)"
                                                  R"({"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})");
  ASSERT_TRUE(enabled.ok()) << enabled.body;
  EXPECT_STREQ(enabled.json["TableDescription"]["LatestStreamLabel"].GetString(), "2026-01-01T01:01:30.250");
}

class ClientRequestTokenTime : public ::testing::Test {
 protected:
  void SetUp() override {
    Answer created = client_.dynamodb(
        "CreateTable",
        R"({"TableName":"accounts",)"
        R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
        R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"})");
    ASSERT_TRUE(created.ok()) << created.body;
  }

  // One transaction: ADD :amount to the counter of item "acct", under `token`.
  Answer add(const std::string& token, int amount) {
    return client_.dynamodb(
        "TransactWriteItems",
        R"({"ClientRequestToken":")" + token +
            R"(","TransactItems":[)"
            R"({"Update":{"TableName":"accounts","Key":{"pk":{"S":"acct"}},"UpdateExpression":"ADD n :a",)"
            R"("ExpressionAttributeValues":{":a":{"N":")" +
            std::to_string(amount) + R"("}}}}]})");
  }

  std::string counter() {
    Answer got =
        client_.dynamodb("GetItem", R"({"TableName":"accounts","Key":{"pk":{"S":"acct"}},"ConsistentRead":true})");
    return got.ok() && got.json.HasMember("Item") ? got.json["Item"]["n"]["N"].GetString() : "";
  }

  InProcessServer eddy_;
  LoopbackClient client_ = eddy_.connect();
};

TEST_F(ClientRequestTokenTime, ATokenNamesOneRequestForTenMinutes) {
  ASSERT_TRUE(add("token-1", 1).ok());
  ASSERT_EQ(counter(), "1");
  eddy_.clock().advance(9 * 60 + 59);
  ASSERT_TRUE(add("token-1", 1).ok());  // a replay: answered, not applied
  EXPECT_EQ(counter(), "1");
  Answer other = add("token-1", 5);
  EXPECT_EQ(other.error_type(), "IdempotentParameterMismatchException");
  EXPECT_EQ(other.message(), "The request uses the same client token as a previous, but non-identical request.");

  eddy_.clock().advance(2);  // ten minutes and a second after the first request finished
  ASSERT_TRUE(add("token-1", 1).ok());
  EXPECT_EQ(counter(), "2");  // a new transaction
  ASSERT_TRUE(add("token-1", 1).ok());
  EXPECT_EQ(counter(), "2");  // which the token names for the next ten minutes
  eddy_.clock().advance(10 * 60 + 1);
  ASSERT_TRUE(add("token-1", 5).ok());  // the old request is forgotten: no mismatch
  EXPECT_EQ(counter(), "7");
}

}  // namespace
}  // namespace eddy::in_process
