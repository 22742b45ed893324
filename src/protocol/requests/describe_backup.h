// DescribeBackup's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeBackup.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DescribeBackupRequest {
  std::string backup_arn;
};

Result<DescribeBackupRequest> read_describe_backup(const JsonValue& json);

}  // namespace eddy::protocol
