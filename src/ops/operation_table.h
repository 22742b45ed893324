// The registration table: every operation eddy serves, by its X-Amz-Target service prefix and
// name. Adding an operation is one line in operation_table.cc.
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "ops/request_context.h"
#include "protocol/json.h"

namespace eddy::ops {

// An operation as the dispatcher calls it: the request JSON in; the response body (or DynamoDB's
// error) out. Each reads its typed request (protocol/requests/), then performs it (operations.h).
using Operation = Result<std::string> (*)(RequestContext& context, const JsonValue& request);

inline constexpr std::string_view kDynamoDbPrefix = "DynamoDB_20120810";
inline constexpr std::string_view kStreamsPrefix = "DynamoDBStreams_20120810";

// nullptr when the service prefix or the operation is unknown.
Operation find_operation(std::string_view service_prefix, std::string_view name);

}  // namespace eddy::ops
