// RestoreTableFromBackup:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html
// A new table from the backup's definition (with the request's overrides) and its items; the
// backup and its source table are untouched. A backup feeds one restore at a time, as on AWS
// (BackupInUseException while another is under way). See ops/table_restore.h.
#include "model/result.h"
#include "ops/backup_json.h"
#include "ops/operations.h"
#include "ops/table_restore.h"

namespace eddy::ops {

Result<std::string> restore_table_from_backup(RequestContext& context,
                                              const p::RestoreTableFromBackupRequest& request) {
  EDDY_TRY(engine::Backup backup, find_backup(context, request.backup_arn));
  EDDY_TRY_VOID(check_target_free(context, request.target_table_name));
  if (backup_restoring(context, backup.arn)) {
    return fail(ApiError{ErrorCode::kBackupInUse, "Backup is being used to restore another table: " + backup.arn, {}});
  }
  RestoreSummary summary{backup.arn, backup.table.arn(), backup.created, true};
  engine::Database::RestoreSource from;
  from.backup_id = backup.id;
  return restore_table(context, backup.table, request.target_table_name, request.overrides, summary, from);
}

}  // namespace eddy::ops
