// DescribeTimeToLive's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DescribeTimeToLiveRequest {
  std::string table_name;
};

Result<DescribeTimeToLiveRequest> read_describe_time_to_live(const JsonValue& json);

}  // namespace eddy::protocol
