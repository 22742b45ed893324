// DescribeStream: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html
// Shards are listed in ShardId order (ShardIds begin with their creation time, so parents come
// before their children); ExclusiveStartShardId continues after the given id, and ShardFilter
// CHILD_SHARDS lists only the children of one shard.
#include "ops/operations.h"
#include "ops/stream_requests.h"
#include "protocol/request_fields.h"
#include "streams/sequence_number.h"

namespace eddy::ops {
namespace {

struct DescribeStreamRequest {
  std::string arn;
  std::size_t limit = 100;
  std::optional<std::string> exclusive_start;
  std::optional<std::string> child_of;  // ShardFilter CHILD_SHARDS
};

Result<DescribeStreamRequest> parse(const JsonValue& request) {
  auto arn = read_string(request, "StreamArn");
  if (!arn) return fail(arn.error());
  auto limit = read_integer(request, "Limit");
  if (!limit) return fail(limit.error());
  auto start = read_string(request, "ExclusiveStartShardId");
  if (!start) return fail(start.error());
  auto filter = read_object(request, "ShardFilter");
  if (!filter) return fail(filter.error());
  std::optional<std::string> filter_type, filter_shard;
  if (*filter != nullptr) {
    auto type = read_string(**filter, "Type");
    if (!type) return fail(type.error());
    auto shard = read_string(**filter, "ShardId");
    if (!shard) return fail(shard.error());
    filter_type = *type;
    filter_shard = *shard;
  }
  ConstraintViolations violations;
  violations.not_null("streamArn", arn->has_value());
  violations.length("streamArn", *arn, 37, 1024);
  if (*limit && **limit < 1) violations.integer_range("limit", *limit, 1, INT32_MAX);
  violations.length("exclusiveStartShardId", *start, 28, 65);
  violations.enum_value("shardFilter.type", filter_type, {"CHILD_SHARDS"});
  violations.length("shardFilter.shardId", filter_shard, 28, 65);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (*limit && **limit > 100) {
    return validation_error("One or more parameter values were invalid: Limit cannot be greater than the maximum: 100");
  }
  if (!well_formed_stream_arn(**arn)) return fail(invalid_stream_arn());
  DescribeStreamRequest parsed{**arn, static_cast<std::size_t>(limit->value_or(100)), *start, std::nullopt};
  if (filter_type && *filter_type == "CHILD_SHARDS") parsed.child_of = filter_shard.value_or("");
  return parsed;
}

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
  for (const auto& e : key.hash) element(e, "HASH");
  for (const auto& e : key.range) element(e, "RANGE");
  w.EndArray();
}

}  // namespace

Result<std::string> describe_stream(RequestContext& context, const JsonValue& request) {
  auto parsed = parse(request);
  if (!parsed) return fail(parsed.error());
  auto service = stream_service(context);
  if (!service) return fail(service.error());
  auto stream = (*service)->describe_stream(parsed->arn);
  if (!stream) return fail(stream.error());

  std::vector<const streams::Shard*> shards;
  for (const auto& shard : stream->shards) {
    if (parsed->exclusive_start && shard.shard_id <= *parsed->exclusive_start) continue;
    if (parsed->child_of && shard.parent_shard_id != *parsed->child_of) continue;
    shards.push_back(&shard);
  }
  bool more = shards.size() > parsed->limit;
  if (more) shards.resize(parsed->limit);

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("StreamDescription");
  w.StartObject();
  write_member(w, "StreamArn", stream->arn);
  write_member(w, "StreamLabel", stream->label);
  write_member(w, "StreamStatus", stream->enabled ? "ENABLED" : "DISABLED");
  write_member(w, "StreamViewType", stream->view_type);
  w.Key("CreationRequestDateTime");
  w.Double(stream->created_at);
  write_member(w, "TableName", stream->table_name);
  write_key_schema(w, stream->key);
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
