// DescribeStream: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html
// Shards are listed in ShardId order (ShardIds begin with their creation time, so parents come
// before their children); ExclusiveStartShardId continues after the given id, and ShardFilter
// CHILD_SHARDS lists only the children of one shard.
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"
#include "streams/sequence_number.h"

namespace eddy::ops {
namespace {

void write_shard(JsonWriter& w, const streams::Shard& shard) {
  w.StartObject();
  write_member(w, "ShardId", shard.shard_id);
  w.Key("SequenceNumberRange");
  w.StartObject();
  write_member(w, "StartingSequenceNumber", streams::format_sequence_number(shard.starting_sequence));
  if (shard.closed) write_member(w, "EndingSequenceNumber", streams::format_sequence_number(shard.last_sequence));
  w.EndObject();
  if (!shard.parent_shard_id.empty()) write_member(w, "ParentShardId", shard.parent_shard_id);
  w.EndObject();
}

void write_key_schema(JsonWriter& w, const KeySchema& key) {
  w.Key("KeySchema");
  w.StartArray();
  auto element = [&w](const KeyElement& e, const char* type) {
    w.StartObject();
    write_member(w, "AttributeName", e.name);
    write_member(w, "KeyType", type);
    w.EndObject();
  };
  for (const auto& e : key.partition_key) element(e, "HASH");
  for (const auto& e : key.sort_key) element(e, "RANGE");
  w.EndArray();
}

}  // namespace

Result<std::string> describe_stream(RequestContext& context, const p::DescribeStreamRequest& request) {
  std::size_t limit = static_cast<std::size_t>(request.limit.value_or(100));
  const auto& exclusive_start = request.exclusive_start_shard_id;
  std::optional<std::string> child_of;  // ShardFilter CHILD_SHARDS
  if (request.shard_filter && request.shard_filter->type == "CHILD_SHARDS") {
    child_of = request.shard_filter->shard_id.value_or("");
  }
  EDDY_TRY(streams::Streams * streams, streams_of(context));
  EDDY_TRY(auto stream, streams->describe_stream(request.stream_arn));

  std::vector<const streams::Shard*> shards;
  for (const auto& shard : stream.shards) {
    if (exclusive_start && shard.shard_id <= *exclusive_start) continue;
    if (child_of && shard.parent_shard_id != *child_of) continue;
    shards.push_back(&shard);
  }
  bool more = shards.size() > limit;
  if (more) shards.resize(limit);

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("StreamDescription");
  w.StartObject();
  write_member(w, "StreamArn", stream.arn);
  write_member(w, "StreamLabel", stream.label);
  write_member(w, "StreamStatus", stream.enabled ? "ENABLED" : "DISABLED");
  write_member(w, "StreamViewType", stream.view_type);
  w.Key("CreationRequestDateTime");
  w.Double(stream.created_at);
  write_member(w, "TableName", stream.table_name);
  write_key_schema(w, stream.key);
  w.Key("Shards");
  w.StartArray();
  for (const auto* shard : shards) write_shard(w, *shard);
  w.EndArray();
  if (more) write_member(w, "LastEvaluatedShardId", shards.back()->shard_id);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
