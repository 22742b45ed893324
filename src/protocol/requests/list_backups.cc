// ListBackups' request declared; see list_backups.h.
#include "protocol/requests/list_backups.h"

#include "protocol/requests/backup_members.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kBackupTypes[] = {"USER", "SYSTEM", "AWS_BACKUP", "ALL"};

}  // namespace

Result<ListBackupsRequest> read_list_backups(const JsonValue& json) {
  using R = ListBackupsRequest;
  static const Shape<R> shape{{
      member("TableName", &R::table_name, {name()}),
      member("Limit", &R::limit, {range(1, 100)}),
      custom_member<R>("TimeRangeLowerBound",
                       [](const JsonValue* value, R& out) { return read_date(value, out.time_range_lower_bound); }),
      custom_member<R>("TimeRangeUpperBound",
                       [](const JsonValue* value, R& out) { return read_date(value, out.time_range_upper_bound); }),
      member("ExclusiveStartBackupArn", &R::exclusive_start_backup_arn, {length(37, 1024)}),
      member("BackupType", &R::backup_type, {one_of(kBackupTypes)}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
