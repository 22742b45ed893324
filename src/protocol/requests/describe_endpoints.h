// DescribeEndpoints' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html
#pragma once

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

// DescribeEndpoints has no members.
struct DescribeEndpointsRequest {};

Result<DescribeEndpointsRequest> read_describe_endpoints(const JsonValue& json);

}  // namespace eddy::protocol
