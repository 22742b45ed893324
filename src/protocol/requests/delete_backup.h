// DeleteBackup's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteBackup.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DeleteBackupRequest {
  std::string backup_arn;
};

Result<DeleteBackupRequest> read_delete_backup(const JsonValue& json);

}  // namespace eddy::protocol
