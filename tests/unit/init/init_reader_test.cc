// The --init readers: what CreateTable request each kind of file becomes (templates with
// AWS::DynamoDB::Table, GlobalTable and SAM's SimpleTable, DescribeTable outputs, lists), and
// what a file that is none of them is told.
#include "init/init_reader.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <rapidjson/writer.h>

namespace eddy::init {
namespace {

std::string json_of(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

class InitReader : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("eddy-init-" + std::to_string(::getpid()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string write(const std::string& name, const std::string& text) {
    std::string path = (folder_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  InitPlan read(const std::string& path, const InitParameters& parameters = {}) {
    auto plan = read_init({path}, parameters);
    EXPECT_TRUE(plan) << plan.error().message;
    return plan ? std::move(*plan) : InitPlan{};
  }

  std::string refused(const std::string& path) {
    auto plan = read_init({path}, {});
    EXPECT_FALSE(plan);
    return plan ? "" : plan.error().message;
  }

  std::filesystem::path folder_;
};

TEST_F(InitReader, TableResourceBecomesCreateTable) {
  std::string path = write("t.yaml", R"(Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub "${AWS::StackName}-orders"
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: "7"}
      GlobalSecondaryIndexes:
        - IndexName: g
          KeySchema: [{AttributeName: pk, KeyType: HASH}]
          Projection: {ProjectionType: ALL}
          ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 2}
          ContributorInsightsSpecification: {Enabled: true}
      StreamSpecification: {StreamViewType: KEYS_ONLY}
      SSESpecification: {SSEEnabled: true}
      DeletionProtectionEnabled: "false"
      TimeToLiveSpecification: {AttributeName: ttl, Enabled: "true"}
)");
  InitPlan plan = read(path);
  ASSERT_EQ(plan.tables.size(), 1u);
  EXPECT_EQ(plan.tables[0].origin, path + ", resource Orders (AWS::DynamoDB::Table)");
  EXPECT_EQ(
      json_of(plan.tables[0].create_table),
      R"({"TableName":"t-orders","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],)"
      R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
      R"("ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":7},)"
      R"("GlobalSecondaryIndexes":[{"IndexName":"g","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
      R"("Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2}}],)"
      R"("DeletionProtectionEnabled":false,"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"},)"
      R"("SSESpecification":{"Enabled":true}})");
  EXPECT_EQ(plan.tables[0].time_to_live_attribute, "ttl");
}

TEST_F(InitReader, GlobalTableTakesTheRegionsReplicaAndStartingCapacity) {
  std::string path = write("g.json", R"({"Resources": {"G": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
    "TableName": "g", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "WriteProvisionedThroughputSettings": {"WriteCapacityAutoScalingSettings": {"MinCapacity": 3, "MaxCapacity": 9}},
    "GlobalSecondaryIndexes": [{"IndexName": "i", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
      "Projection": {"ProjectionType": "KEYS_ONLY"},
      "WriteProvisionedThroughputSettings": {"WriteCapacityAutoScalingSettings": {"MinCapacity": 4}}}],
    "Replicas": [{"Region": "eu-west-1", "Tags": [{"Key": "r", "Value": "eu"}]},
                 {"Region": {"Ref": "AWS::Region"}, "ReadProvisionedThroughputSettings": {"ReadCapacityUnits": 6},
                  "GlobalSecondaryIndexes": [{"IndexName": "i", "ReadProvisionedThroughputSettings": {
                    "ReadCapacityAutoScalingSettings": {"MinCapacity": 2}}}],
                  "Tags": [{"Key": "r", "Value": "us"}], "PointInTimeRecoverySpecification": {
                    "PointInTimeRecoveryEnabled": true}}]}}}})");
  InitPlan plan = read(path);
  ASSERT_EQ(plan.tables.size(), 1u);
  EXPECT_EQ(
      json_of(plan.tables[0].create_table),
      R"({"TableName":"g","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],)"
      R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PROVISIONED",)"
      R"("ProvisionedThroughput":{"ReadCapacityUnits":6,"WriteCapacityUnits":3},)"
      R"("GlobalSecondaryIndexes":[{"IndexName":"i","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
      R"("Projection":{"ProjectionType":"KEYS_ONLY"},"ProvisionedThroughput":{"ReadCapacityUnits":2,"WriteCapacityUnits":4}}],)"
      R"("Tags":[{"Key":"r","Value":"us"}]})");
  EXPECT_TRUE(plan.tables[0].point_in_time_recovery);
}

TEST_F(InitReader, SimpleTableAndParameters) {
  std::string path = write("s.yaml", R"(Parameters:
  Env: {Type: String}
Resources:
  Users:
    Type: AWS::Serverless::SimpleTable
    Properties:
      TableName: !Join ["-", [users, !Ref Env]]
      Tags: {team: a}
  Bare:
    Type: AWS::Serverless::SimpleTable
)");
  InitPlan plan = read(path, {{"Env", "test"}});
  ASSERT_EQ(plan.tables.size(), 2u);
  EXPECT_EQ(json_of(plan.tables[0].create_table),
            R"({"TableName":"users-test","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],)"
            R"("KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST",)"
            R"("Tags":[{"Key":"team","Value":"a"}]})");
  EXPECT_EQ(json_of(plan.tables[1].create_table).substr(0, 20), R"({"TableName":"Bare",)");
  auto missing = read_init({path}, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "--init " + path +
                ", resource Users (AWS::Serverless::SimpleTable): TableName: Ref Env: the parameter "
                "has no Default and no --init-param Env=VALUE");
}

TEST_F(InitReader, DescribeTableOutputsAndCreateTableLists) {
  std::string path = write("d.json", R"([{"Table": {"TableName": "d", "TableStatus": "ACTIVE", "ItemCount": 3,
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
    "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST", "LastUpdateToPayPerRequestDateTime": 1.0},
    "ProvisionedThroughput": {"NumberOfDecreasesToday": 0, "ReadCapacityUnits": 0, "WriteCapacityUnits": 0},
    "GlobalSecondaryIndexes": [{"IndexName": "i", "IndexStatus": "ACTIVE", "KeySchema": [{"AttributeName": "pk",
      "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": {"ReadCapacityUnits": 0,
      "WriteCapacityUnits": 0}, "IndexArn": "arn"}],
    "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}, "LatestStreamArn": "arn",
    "TableClassSummary": {"TableClass": "STANDARD_INFREQUENT_ACCESS"}}},
    {"TableName": "c", "KeySchema": []}])");
  InitPlan plan = read(path);
  ASSERT_EQ(plan.tables.size(), 2u);
  EXPECT_EQ(plan.tables[0].origin, path + ", entry 1");
  EXPECT_EQ(
      json_of(plan.tables[0].create_table),
      R"({"TableName":"d","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
      R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],)"
      R"("StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"},"BillingMode":"PAY_PER_REQUEST",)"
      R"("GlobalSecondaryIndexes":[{"IndexName":"i","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
      R"("Projection":{"ProjectionType":"ALL"}}],"TableClass":"STANDARD_INFREQUENT_ACCESS"})");
  EXPECT_EQ(json_of(plan.tables[1].create_table), R"({"TableName":"c","KeySchema":[]})");
}

TEST_F(InitReader, ItemsFilesAndFolders) {
  write("b.json", R"({"RequestItems": {"t": [{"PutRequest": {"Item": {"pk": {"S": "x"}}}}]}})");
  write("a.yaml", "- TableName: t\n");
  write("notes.txt", "not read");
  InitPlan plan = read(folder_.string());
  ASSERT_EQ(plan.tables.size(), 1u);
  EXPECT_EQ(plan.tables[0].origin, (folder_ / "a.yaml").string() + ", entry 1");
  ASSERT_EQ(plan.items.size(), 1u);
  EXPECT_EQ(plan.items[0].origin, (folder_ / "b.json").string());
}

TEST_F(InitReader, RefusesWhatItDoesNotKnow) {
  std::string other = write("o.json", R"({"Something": 1})");
  EXPECT_EQ(refused(other), "--init " + other +
                                ": is not a list of CreateTable requests, a DescribeTable output, a "
                                "CloudFormation template or a BatchWriteItem request (RequestItems)");
  std::string entry = write("e.json", R"([{"TableName": "ok"}, 5])");
  EXPECT_EQ(refused(entry),
            "--init " + entry + ", entry 2: is neither a CreateTable request nor a DescribeTable output");
  std::string type = write("y.yaml",
                           "Resources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n"
                           "      PrimaryKey: {Name: k, Type: Date}\n");
  EXPECT_EQ(refused(type), "--init " + type +
                               ", resource T (AWS::Serverless::SimpleTable): PrimaryKey's Type must be "
                               "String, Number or Binary, not Date");
  EXPECT_EQ(refused((folder_ / "none").string()), "--init " + (folder_ / "none").string() + ": does not exist");
}

}  // namespace
}  // namespace eddy::init
