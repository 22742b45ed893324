// UpdateTimeToLive's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct TimeToLiveSpecification {
  bool enabled = false;        // required
  std::string attribute_name;  // required
};

struct UpdateTimeToLiveRequest {
  std::string table_name;
  std::optional<TimeToLiveSpecification> time_to_live_specification;  // required
};

Result<UpdateTimeToLiveRequest> read_update_time_to_live(const JsonValue& json);

}  // namespace eddy::protocol
