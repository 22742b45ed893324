// DescribeEndpoints' request; see describe_endpoints.h.
#include "protocol/requests/describe_endpoints.h"

namespace eddy::protocol {

Result<DescribeEndpointsRequest> read_describe_endpoints(const JsonValue&) { return DescribeEndpointsRequest{}; }

}  // namespace eddy::protocol
