// ListImports' request declared; see list_imports.h.
#include "protocol/requests/list_imports.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<ListImportsRequest> read_list_imports(const JsonValue& json) {
  using R = ListImportsRequest;
  static const Shape<R> shape{{
      member("TableArn", &R::table_arn),
      member("PageSize", &R::page_size, {range(1, 25)}),
      member("NextToken", &R::next_token, {length(112, 1024)}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
