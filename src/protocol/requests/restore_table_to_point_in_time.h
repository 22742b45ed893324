// RestoreTableToPointInTime's request:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"
#include "protocol/requests/backup_members.h"

namespace eddy::protocol {

struct RestoreTableToPointInTimeRequest {
  std::optional<std::string> source_table_arn;
  std::optional<std::string> source_table_name;
  std::string target_table_name;
  std::optional<bool> use_latest_restorable_time;
  std::optional<double> restore_date_time;  // epoch seconds
  RestoreOverrides overrides;
};

Result<RestoreTableToPointInTimeRequest> read_restore_table_to_point_in_time(const JsonValue& json);

}  // namespace eddy::protocol
