// DescribeBackup's request declared; see describe_backup.h.
#include "protocol/requests/describe_backup.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DescribeBackupRequest> read_describe_backup(const JsonValue& json) {
  using R = DescribeBackupRequest;
  static const Shape<R> shape{{
      member("BackupArn", &R::backup_arn, {required_parameter(), length(37, 1024)}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
