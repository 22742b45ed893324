// DeleteTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
#include "model/errors.h"
#include "model/result.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> delete_table(RequestContext& context, const p::DeleteTableRequest& request) {
  std::string response;
  // The answer describes the table as DELETING, with its counts from before its data goes.
  EDDY_TRY(engine::TablePtr removed,
           context.database().delete_table(request.table_name, [&](const TableDefinition& table) -> Result<void> {
             if (table.deletion_protection) {
               return validation_error(
                   "Resource cannot be deleted as it is currently protected against deletion. "
                   "Disable deletion protection first.");
             }
             TableDefinition shown = table;
             shown.status = "DELETING";
             EDDY_TRY(response, table_description_response(context, "TableDescription", shown));
             return {};
           }));
  if (removed == nullptr) return fail(errors::table_not_found(request.table_name));
  return response;
}

}  // namespace eddy::ops
