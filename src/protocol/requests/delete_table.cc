// DeleteTable's request declared; see delete_table.h.
#include "protocol/requests/delete_table.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DeleteTableRequest> read_delete_table(const JsonValue& json) {
  using R = DeleteTableRequest;
  static const Shape<R> shape{{member("TableName", &R::table_name, {required_parameter(), name()})}};
  return shape.read(json);
}

}  // namespace eddy::protocol
