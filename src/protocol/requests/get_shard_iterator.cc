// GetShardIterator's request declared; see get_shard_iterator.h.
#include "protocol/requests/get_shard_iterator.h"

#include "model/errors.h"
#include "protocol/requests/stream_arn.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

using R = GetShardIteratorRequest;

constexpr std::string_view kShardIteratorTypes[] = {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
                                                    "AFTER_SEQUENCE_NUMBER"};

Result<void> check_request(R& request, const JsonValue&) {
  bool needs_sequence =
      request.shard_iterator_type == "AT_SEQUENCE_NUMBER" || request.shard_iterator_type == "AFTER_SEQUENCE_NUMBER";
  if (needs_sequence && !request.sequence_number) return fail(errors::invalid_parameter("Invalid SequenceNumber"));
  if (!needs_sequence && request.sequence_number) {
    return fail(errors::invalid_parameter("SequenceNumber should not be passed for this iterator type"));
  }
  return check_stream_arn(request.stream_arn);
}

}  // namespace

Result<GetShardIteratorRequest> read_get_shard_iterator(const JsonValue& json) {
  static const Shape<R> shape{
      {
          member("StreamArn", &R::stream_arn, {required(), length(37, 1024)}),
          member("ShardId", &R::shard_id, {required(), length(28, 65)}),
          member("ShardIteratorType", &R::shard_iterator_type, {required(), one_of(kShardIteratorTypes)}),
          member("SequenceNumber", &R::sequence_number, {length(21, 40)}),
      },
      {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
