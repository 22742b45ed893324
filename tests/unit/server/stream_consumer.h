// StreamConsumer: reads a table's stream over the Streams API as the Kinesis Client Library does:
// DescribeStream for the shards, a child shard only after its parent is finished, GetRecords from
// TRIM_HORIZON until a page comes back empty or the shard ends. For the in-process tests.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "loopback_client.h"

namespace eddy::in_process {

struct ShardFacts {
  std::string id;
  std::string parent;  // empty when the shard has none
  std::string starting_sequence;
  std::string ending_sequence;  // empty while the shard is open
};

// One stream record, reduced to what the tests look at.
struct RecordFacts {
  std::string event_name;
  std::string pk;
  std::optional<std::string> new_v;  // NewImage.v.N
  bool has_old_image = false;
  bool has_new_image = false;
  std::string user_identity;  // "PrincipalId/Type", empty when absent
  double approximate_creation = 0;
  std::string sequence;
};

// Creates table `name` (pk:S, on demand) with a stream of `view_type`; returns LatestStreamArn.
inline std::string create_stream_table(LoopbackClient& client, const std::string& name,
                                       const std::string& view_type = "NEW_AND_OLD_IMAGES") {
  Answer created = client.dynamodb(
      "CreateTable",
      R"({"TableName":")" + name +
          R"(",)"
          R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
          R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],)"
          R"("BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true,"StreamViewType":")" +
          view_type + R"("}})");
  EXPECT_TRUE(created.ok()) << created.body;
  return created.ok() ? created.json["TableDescription"]["LatestStreamArn"].GetString() : "";
}

inline void put_item(LoopbackClient& client, const std::string& table, const std::string& pk, const std::string& v) {
  Answer put = client.dynamodb(
      "PutItem", R"({"TableName":")" + table + R"(","Item":{"pk":{"S":")" + pk + R"("},"v":{"N":")" + v + R"("}}})");
  ASSERT_TRUE(put.ok()) << put.body;
}

inline std::vector<ShardFacts> shards_of(LoopbackClient& client, const std::string& arn) {
  std::vector<ShardFacts> shards;
  std::string start;
  do {
    std::string body = R"({"StreamArn":")" + arn + "\"";
    if (!start.empty()) body += R"(,"ExclusiveStartShardId":")" + start + "\"";
    Answer described = client.streams("DescribeStream", body + "}");
    EXPECT_TRUE(described.ok()) << described.body;
    if (!described.ok()) return shards;
    const JsonValue& description = described.json["StreamDescription"];
    for (const auto& shard : description["Shards"].GetArray()) {
      ShardFacts facts;
      facts.id = shard["ShardId"].GetString();
      if (shard.HasMember("ParentShardId")) facts.parent = shard["ParentShardId"].GetString();
      const JsonValue& range = shard["SequenceNumberRange"];
      facts.starting_sequence = range["StartingSequenceNumber"].GetString();
      if (range.HasMember("EndingSequenceNumber")) facts.ending_sequence = range["EndingSequenceNumber"].GetString();
      shards.push_back(facts);
    }
    start = description.HasMember("LastEvaluatedShardId") ? description["LastEvaluatedShardId"].GetString() : "";
  } while (!start.empty());
  return shards;
}

// GetShardIterator; `sequence` only for AT_/AFTER_SEQUENCE_NUMBER.
inline Answer shard_iterator(LoopbackClient& client, const std::string& arn, const std::string& shard,
                             const std::string& type, const std::string& sequence = "") {
  std::string body =
      R"({"StreamArn":")" + arn + R"(","ShardId":")" + shard + R"(","ShardIteratorType":")" + type + "\"";
  if (!sequence.empty()) body += R"(,"SequenceNumber":")" + sequence + "\"";
  return client.streams("GetShardIterator", body + "}");
}

inline Answer get_records(LoopbackClient& client, const std::string& iterator) {
  return client.streams("GetRecords", R"({"ShardIterator":")" + iterator + R"("})");
}

inline RecordFacts record_facts(const JsonValue& record) {
  RecordFacts facts;
  facts.event_name = record["eventName"].GetString();
  const JsonValue& change = record["dynamodb"];
  facts.pk = change["Keys"]["pk"]["S"].GetString();
  facts.has_old_image = change.HasMember("OldImage");
  facts.has_new_image = change.HasMember("NewImage");
  if (facts.has_new_image && change["NewImage"].HasMember("v")) facts.new_v = change["NewImage"]["v"]["N"].GetString();
  facts.approximate_creation = change["ApproximateCreationDateTime"].GetDouble();
  facts.sequence = change["SequenceNumber"].GetString();
  if (record.HasMember("userIdentity")) {
    facts.user_identity = std::string(record["userIdentity"]["PrincipalId"].GetString()) + "/" +
                          record["userIdentity"]["Type"].GetString();
  }
  return facts;
}

// Every record readable from `iterator` on; empty (with a test failure) when a read fails.
inline std::vector<RecordFacts> read_shard(LoopbackClient& client, std::string iterator) {
  std::vector<RecordFacts> records;
  while (!iterator.empty()) {
    Answer page = get_records(client, iterator);
    EXPECT_TRUE(page.ok()) << page.body;
    if (!page.ok()) break;
    for (const auto& record : page.json["Records"].GetArray()) records.push_back(record_facts(record));
    iterator = page.json.HasMember("NextShardIterator") ? page.json["NextShardIterator"].GetString() : "";
    if (page.json["Records"].Empty()) break;
  }
  return records;
}

// Every retained record of the stream, parents before children.
inline std::vector<RecordFacts> read_stream(LoopbackClient& client, const std::string& arn) {
  std::map<std::string, ShardFacts> shards;
  for (auto& shard : shards_of(client, arn)) shards[shard.id] = shard;
  std::set<std::string> done;
  std::vector<RecordFacts> records;
  for (bool progress = true; progress;) {
    progress = false;
    for (const auto& [id, shard] : shards) {
      if (done.count(id) || (shards.count(shard.parent) && !done.count(shard.parent))) continue;
      Answer it = shard_iterator(client, arn, id, "TRIM_HORIZON");
      EXPECT_TRUE(it.ok()) << it.body;
      if (!it.ok()) return records;
      for (auto& record : read_shard(client, it.json["ShardIterator"].GetString())) records.push_back(record);
      done.insert(id);
      progress = true;
    }
  }
  return records;
}

// {pk: [v, ...]} in stream order, from the records' NewImage.
inline std::map<std::string, std::vector<std::string>> values_by_key(const std::vector<RecordFacts>& records) {
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& record : records) {
    if (record.new_v) values[record.pk].push_back(*record.new_v);
  }
  return values;
}

}  // namespace eddy::in_process
