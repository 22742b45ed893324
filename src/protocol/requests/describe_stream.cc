// DescribeStream's request declared; see describe_stream.h.
#include "protocol/requests/describe_stream.h"

#include "model/errors.h"
#include "protocol/requests/stream_arn.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

using R = DescribeStreamRequest;

constexpr std::string_view kShardFilterTypes[] = {"CHILD_SHARDS"};

const Shape<ShardFilter>& shard_filter_shape() {
  static const Shape<ShardFilter> shape{"ShardFilter",
                                        {
                                            member("Type", &ShardFilter::type, {one_of(kShardFilterTypes)}),
                                            member("ShardId", &ShardFilter::shard_id, {length(28, 65)}),
                                        }};
  return shape;
}

Result<void> check_request(R& request, const JsonValue&) {
  if (request.limit && *request.limit > 100) {
    return fail(errors::invalid_parameter("Limit cannot be greater than the maximum: 100"));
  }
  return check_stream_arn(request.stream_arn);
}

}  // namespace

Result<DescribeStreamRequest> read_describe_stream(const JsonValue& json) {
  static const Shape<R> shape{{
                                  member("StreamArn", &R::stream_arn, {required(), length(37, 1024)}),
                                  member("Limit", &R::limit, {range(1)}),
                                  member("ExclusiveStartShardId", &R::exclusive_start_shard_id, {length(28, 65)}),
                                  member("ShardFilter", &R::shard_filter, shard_filter_shape()),
                              },
                              {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
