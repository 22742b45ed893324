// DeleteTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
// A table with point-in-time recovery on leaves a SYSTEM backup, "<table>$DeletedTableBackup", as
// AWS keeps one for 35 days (docs/backups.md); it is taken before the items go.
#include <cmath>

#include "model/errors.h"
#include "model/result.h"
#include "ops/backup_json.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {
namespace {

Result<void> keep_system_backup(RequestContext& context, const TableDefinition& table) {
  double now = context.now();
  engine::Backup backup;
  backup.arn = system_backup_arn(table, now);
  backup.name = table.name + "$DeletedTableBackup";
  backup.type = "SYSTEM";
  backup.created = std::floor(now * 1000) / 1000;
  EDDY_TRY_VOID(context.database().backups().create(table, std::move(backup)));
  return {};
}

}  // namespace

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
             if (table.pitr.enabled) EDDY_TRY_VOID(keep_system_backup(context, table));
             TableDefinition shown = table;
             shown.status = "DELETING";
             EDDY_TRY(response, table_description_response(context, "TableDescription", shown));
             return {};
           }));
  if (removed == nullptr) return fail(errors::table_not_found(request.table_name));
  return response;
}

}  // namespace eddy::ops
