// CreateBackup's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct CreateBackupRequest {
  std::string table_name;
  std::string backup_name;
};

Result<CreateBackupRequest> read_create_backup(const JsonValue& json);

}  // namespace eddy::protocol
