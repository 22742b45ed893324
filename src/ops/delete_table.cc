// DeleteTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
#include "ops/operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> delete_table(RequestContext& context, const JsonValue& request) {
  auto name = requested_table_name(request);
  if (!name) return fail(name.error());
  std::string response;
  // The answer describes the table as DELETING, with its counts from before its data goes.
  auto removed = context.database().delete_table(*name, [&](const TableDefinition& table) -> Result<void> {
    if (table.deletion_protection) {
      return fail(ApiError::validation("Resource cannot be deleted as it is currently protected against deletion. "
                                       "Disable deletion protection first."));
    }
    TableDefinition shown = table;
    shown.status = "DELETING";
    auto described = table_description_response(context, "TableDescription", shown);
    if (!described) return fail(described.error());
    response = std::move(*described);
    return {};
  });
  if (!removed) return fail(removed.error());
  if (*removed == nullptr) return fail(table_not_found(*name));
  return response;
}

}  // namespace eddy::ops
