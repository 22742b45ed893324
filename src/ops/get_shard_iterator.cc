// GetShardIterator: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"

namespace eddy::ops {
namespace {

streams::IteratorType iterator_type(const std::string& name) {
  if (name == "LATEST") return streams::IteratorType::kLatest;
  if (name == "AT_SEQUENCE_NUMBER") return streams::IteratorType::kAtSequenceNumber;
  if (name == "AFTER_SEQUENCE_NUMBER") return streams::IteratorType::kAfterSequenceNumber;
  return streams::IteratorType::kTrimHorizon;
}

}  // namespace

Result<std::string> get_shard_iterator(RequestContext& context, const p::GetShardIteratorRequest& request) {
  EDDY_TRY(streams::Streams * streams, streams_of(context));
  EDDY_TRY(std::string iterator,
           streams->get_shard_iterator(request.stream_arn, request.shard_id, iterator_type(request.shard_iterator_type),
                                       request.sequence_number));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write_member(w, "ShardIterator", iterator);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
