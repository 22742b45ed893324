// DeleteTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
#include <mutex>

#include "engine/key_codec.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> delete_table(RequestContext& context, const JsonValue& request) {
  auto& database = context.database();
  std::lock_guard<std::mutex> ddl(database.catalog().ddl_mutex());
  auto found = find_requested_table(context, request);
  if (!found) return fail(found.error());
  engine::TablePtr table = *found;
  if (table->deletion_protection) {
    return fail(ApiError::validation("Resource cannot be deleted as it is currently protected against deletion. "
                                     "Disable deletion protection first."));
  }
  TableDefinition shown = *table;
  shown.status = "DELETING";
  std::string response = table_description_response(context, "TableDescription", shown);
  engine::WriteSet writes;
  database.catalog().remove_in(writes, table->name);
  if (auto written = database.storage().write(writes); !written) return fail(written.error());
  database.catalog().unpublish(table->name);
  if (auto dropped = database.drop_table_data(*table); !dropped) return fail(dropped.error());
  return response;
}

}  // namespace eddy::ops
