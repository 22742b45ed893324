// ListTables' request declared; see list_tables.h.
#include "protocol/requests/list_tables.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<ListTablesRequest> read_list_tables(const JsonValue& json) {
  using R = ListTablesRequest;
  static const Shape<R> shape{{
      member("ExclusiveStartTableName", &R::exclusive_start_table_name, {name()}),
      member("Limit", &R::limit, {range(1, 100)}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
