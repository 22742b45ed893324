// ListStreams' request declared; see list_streams.h.
#include "protocol/requests/list_streams.h"

#include "model/errors.h"
#include "protocol/requests/stream_arn.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

using R = ListStreamsRequest;

Result<void> check_request(R& request, const JsonValue&) {
  if (request.limit && *request.limit > 100) {
    return fail(errors::invalid_parameter("Limit cannot be greater than the maximum allowed size: 100"));
  }
  return check_stream_arn(request.exclusive_start_stream_arn);
}

}  // namespace

Result<ListStreamsRequest> read_list_streams(const JsonValue& json) {
  static const Shape<R> shape{{
                                  member("TableName", &R::table_name, {name()}),
                                  member("Limit", &R::limit, {range(1)}),
                                  member("ExclusiveStartStreamArn", &R::exclusive_start_stream_arn, {length(37, 1024)}),
                              },
                              {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
