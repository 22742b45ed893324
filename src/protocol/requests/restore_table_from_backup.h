// RestoreTableFromBackup's request:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"
#include "protocol/requests/backup_members.h"

namespace eddy::protocol {

struct RestoreTableFromBackupRequest {
  std::string target_table_name;
  std::string backup_arn;
  RestoreOverrides overrides;
};

Result<RestoreTableFromBackupRequest> read_restore_table_from_backup(const JsonValue& json);

}  // namespace eddy::protocol
