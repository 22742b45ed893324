// UpdateContinuousBackups' request:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct PointInTimeRecoverySpecification {
  std::optional<bool> point_in_time_recovery_enabled;
  std::optional<int64_t> recovery_period_in_days;  // 1 to 35
};

struct UpdateContinuousBackupsRequest {
  std::string table_name;
  std::optional<PointInTimeRecoverySpecification> point_in_time_recovery_specification;
};

Result<UpdateContinuousBackupsRequest> read_update_continuous_backups(const JsonValue& json);

}  // namespace eddy::protocol
