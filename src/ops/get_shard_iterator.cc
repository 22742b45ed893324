// GetShardIterator: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
#include "ops/operations.h"
#include "ops/stream_requests.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

streams::IteratorType iterator_type(const std::string& name) {
  if (name == "LATEST") return streams::IteratorType::kLatest;
  if (name == "AT_SEQUENCE_NUMBER") return streams::IteratorType::kAtSequenceNumber;
  if (name == "AFTER_SEQUENCE_NUMBER") return streams::IteratorType::kAfterSequenceNumber;
  return streams::IteratorType::kTrimHorizon;
}

}  // namespace

Result<std::string> get_shard_iterator(RequestContext& context, const JsonValue& request) {
  auto arn = read_string(request, "StreamArn");
  if (!arn) return fail(arn.error());
  auto shard_id = read_string(request, "ShardId");
  if (!shard_id) return fail(shard_id.error());
  auto type_name = read_string(request, "ShardIteratorType");
  if (!type_name) return fail(type_name.error());
  auto sequence = read_string(request, "SequenceNumber");
  if (!sequence) return fail(sequence.error());
  ConstraintViolations violations;
  violations.not_null("streamArn", arn->has_value());
  violations.length("streamArn", *arn, 37, 1024);
  violations.not_null("shardId", shard_id->has_value());
  violations.length("shardId", *shard_id, 28, 65);
  violations.not_null("shardIteratorType", type_name->has_value());
  violations.enum_value("shardIteratorType", *type_name,
                        {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"});
  violations.length("sequenceNumber", *sequence, 21, 40);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  streams::IteratorType type = iterator_type(**type_name);
  bool needs_sequence =
      type == streams::IteratorType::kAtSequenceNumber || type == streams::IteratorType::kAfterSequenceNumber;
  if (needs_sequence && !*sequence) return validation_error(std::string(kInvalid) + "Invalid SequenceNumber");
  if (!needs_sequence && *sequence) {
    return validation_error(std::string(kInvalid) + "SequenceNumber should not be passed for this iterator type");
  }
  if (!well_formed_stream_arn(**arn)) return fail(invalid_stream_arn());
  auto service = stream_service(context);
  if (!service) return fail(service.error());
  auto iterator = (*service)->get_shard_iterator(**arn, **shard_id, type, *sequence);
  if (!iterator) return fail(iterator.error());
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write_member(w, "ShardIterator", *iterator);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
