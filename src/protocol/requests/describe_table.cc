// DescribeTable's request declared; see describe_table.h.
#include "protocol/requests/describe_table.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DescribeTableRequest> read_describe_table(const JsonValue& json) {
  using R = DescribeTableRequest;
  static const Shape<R> shape{{member("TableName", &R::table_name, {required_parameter(), name()})}};
  return shape.read(json);
}

}  // namespace eddy::protocol
