// DescribeTimeToLive's request declared; see describe_time_to_live.h.
#include "protocol/requests/describe_time_to_live.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DescribeTimeToLiveRequest> read_describe_time_to_live(const JsonValue& json) {
  using R = DescribeTimeToLiveRequest;
  static const Shape<R> shape{{member("TableName", &R::table_name, {required_parameter(), name()})}};
  return shape.read(json);
}

}  // namespace eddy::protocol
