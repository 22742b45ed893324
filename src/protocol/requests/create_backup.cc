// CreateBackup's request declared; see create_backup.h.
#include "protocol/requests/create_backup.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<CreateBackupRequest> read_create_backup(const JsonValue& json) {
  using R = CreateBackupRequest;
  static const Shape<R> shape{{
      member("TableName", &R::table_name, {required_parameter(), name()}),
      member("BackupName", &R::backup_name, {required_parameter(), name()}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
