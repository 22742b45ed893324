// DescribeLimits' request; see describe_limits.h.
#include "protocol/requests/describe_limits.h"

namespace eddy::protocol {

Result<DescribeLimitsRequest> read_describe_limits(const JsonValue&) { return DescribeLimitsRequest{}; }

}  // namespace eddy::protocol
