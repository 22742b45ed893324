// ListBackups' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ListBackupsRequest {
  std::optional<std::string> table_name;
  std::optional<int64_t> limit;                  // 1 to 100
  std::optional<double> time_range_lower_bound;  // inclusive, epoch seconds
  std::optional<double> time_range_upper_bound;  // exclusive
  std::optional<std::string> exclusive_start_backup_arn;
  std::optional<std::string> backup_type;  // USER (the default), SYSTEM, AWS_BACKUP, ALL
};

Result<ListBackupsRequest> read_list_backups(const JsonValue& json);

}  // namespace eddy::protocol
