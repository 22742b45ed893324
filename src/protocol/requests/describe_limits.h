// DescribeLimits' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeLimits.html
#pragma once

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

// DescribeLimits has no members.
struct DescribeLimitsRequest {};

Result<DescribeLimitsRequest> read_describe_limits(const JsonValue& json);

}  // namespace eddy::protocol
