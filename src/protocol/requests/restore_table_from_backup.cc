// RestoreTableFromBackup's request declared; see restore_table_from_backup.h.
#include "protocol/requests/restore_table_from_backup.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<RestoreTableFromBackupRequest> read_restore_table_from_backup(const JsonValue& json) {
  using R = RestoreTableFromBackupRequest;
  static const Shape<R> shape{
      join<R>(Members<R>{member("TargetTableName", &R::target_table_name, {required_parameter(), name()}),
                         member("BackupArn", &R::backup_arn, {required_parameter(), length(37, 1024)})},
              restore_override_members(&R::overrides))};
  return shape.read(json);
}

}  // namespace eddy::protocol
