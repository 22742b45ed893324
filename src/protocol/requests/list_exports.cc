// ListExports' request declared; see list_exports.h.
#include "protocol/requests/list_exports.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<ListExportsRequest> read_list_exports(const JsonValue& json) {
  using R = ListExportsRequest;
  static const Shape<R> shape{{
      member("TableArn", &R::table_arn),
      member("MaxResults", &R::max_results, {range(1, 25)}),
      member("NextToken", &R::next_token),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
