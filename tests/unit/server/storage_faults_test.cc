// Storage faults as a client sees them: an eddy on a data folder whose file
// system fails on demand (tests/unit/engine/fault_injection.h), driven over
// HTTP. While the disk is full every write is InternalServerError and none is
// acknowledged, reads go on, and once space returns the next write succeeds
// without a restart; after a restart everything acknowledged is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "../engine/fault_injection.h"
#include "in_process_server.h"

namespace eddy::in_process {
namespace {

constexpr const char* kInternalMessage = "The server encountered an internal error trying to fulfill the request.";

std::string put(const std::string& pk, const std::string& v) {
  return R"({"TableName":"faults","Item":{"pk":{"S":")" + pk + R"("},"v":{"S":")" + v + R"("}}})";
}
std::string key(const std::string& pk) {
  return R"({"TableName":"faults","ConsistentRead":true,"Key":{"pk":{"S":")" + pk + R"("}}})";
}
// "v" of the item, "" when there is none; fails the test when the read itself
// fails.
std::string stored_v(LoopbackClient& client, const std::string& pk) {
  Answer got = client.dynamodb("GetItem", key(pk));
  EXPECT_TRUE(got.ok()) << got.body;
  if (!got.ok() || !got.json.HasMember("Item")) return "";
  return got.json["Item"]["v"]["S"].GetString();
}
void expect_internal_error(const Answer& answer) {
  EXPECT_EQ(answer.status, 500) << answer.body;
  EXPECT_EQ(answer.error_type(), "InternalServerError") << answer.body;
  EXPECT_EQ(answer.message(), kInternalMessage);
}

class StorageFaultsOverHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("eddy-http-faults-" + std::to_string(std::random_device{}()));
    options_.data_dir = folder_.string();
    options_.storage_file_system = std::make_shared<fault_injection::FaultyFileSystem>(faults_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path folder_;
  std::shared_ptr<fault_injection::Faults> faults_ = std::make_shared<fault_injection::Faults>();
  ServerOptions options_;
};

TEST_F(StorageFaultsOverHttp, FullDiskIsInternalServerErrorUntilSpaceReturnsAndNothingRefusedIsStored) {
  {
    InProcessServer eddy(options_, true);
    LoopbackClient client = eddy.connect();
    Answer created = client.dynamodb("CreateTable", R"({"TableName":"faults","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    ASSERT_TRUE(created.ok()) << created.body;
    ASSERT_TRUE(client.dynamodb("PutItem", put("a", "before")).ok());

    faults_->no_space = true;
    expect_internal_error(client.dynamodb("PutItem", put("b", "while-full")));
    expect_internal_error(
        client.dynamodb("UpdateItem",
                        R"({"TableName":"faults","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET v = :v",
                         "ExpressionAttributeValues":{":v":{"S":"while-full"}}})"));
    expect_internal_error(client.dynamodb(
        "BatchWriteItem", R"({"RequestItems":{"faults":[{"PutRequest":{"Item":{"pk":{"S":"c"},"v":{"S":"x"}}}}]}})"));
    expect_internal_error(client.dynamodb("DeleteItem", R"({"TableName":"faults","Key":{"pk":{"S":"a"}}})"));
    EXPECT_EQ(stored_v(client, "a"),
              "before");  // reads go on while writes are stopped
    EXPECT_EQ(stored_v(client, "b"), "");

    faults_->no_space = false;
    Answer after = client.dynamodb("PutItem", put("d", "after"));
    EXPECT_TRUE(after.ok()) << after.body;
    EXPECT_EQ(stored_v(client, "d"), "after");
    EXPECT_EQ(stored_v(client, "a"), "before");
  }
  InProcessServer restarted(options_, true);
  LoopbackClient client = restarted.connect();
  EXPECT_EQ(stored_v(client, "a"), "before");
  EXPECT_EQ(stored_v(client, "b"), "");
  EXPECT_EQ(stored_v(client, "c"), "");
  EXPECT_EQ(stored_v(client, "d"), "after");
}

}  // namespace
}  // namespace eddy::in_process
