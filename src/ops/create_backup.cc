// CreateBackup: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html
// The table's items are copied from one RocksDB snapshot into the backup key space before the
// answer (engine/backups.h), so the backup is AVAILABLE when CreateBackup answers; with
// -delayTransientStatuses the answer shows CREATING, as AWS's does.
#include <cmath>

#include "model/result.h"
#include "ops/backup_json.h"
#include "ops/continuous_backups.h"
#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> create_backup(RequestContext& context, const p::CreateBackupRequest& request) {
  EDDY_TRY(engine::TablePtr table, find_backup_table(context, request.table_name));
  // Its items are still being written by a restore or an import.
  EDDY_TRY_VOID(check_backups_available(*table));
  double now = context.now();
  engine::Backup backup;
  backup.arn = new_backup_arn(*table, now);
  backup.name = request.backup_name;
  backup.created = std::floor(now * 1000) / 1000;
  EDDY_TRY(backup, context.database().backups().create(*table, std::move(backup)));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write_backup_details(w, backup, context.state.settings.delay_transient_statuses ? "CREATING" : backup.status);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
