// DeleteBackup's request declared; see delete_backup.h.
#include "protocol/requests/delete_backup.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DeleteBackupRequest> read_delete_backup(const JsonValue& json) {
  using R = DeleteBackupRequest;
  static const Shape<R> shape{{
      member("BackupArn", &R::backup_arn, {required_parameter(), length(37, 1024)}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
