// The registration table: every operation eddy serves, by its X-Amz-Target service prefix and
// name. Adding an operation is one line in operation_table.cc.
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "ops/request_context.h"
#include "protocol/json.h"

namespace eddy::ops {

// An operation: a typed, validated request in; the response body JSON (or DynamoDB's error) out.
using Operation = Result<std::string> (*)(RequestContext& context, const JsonValue& request);

inline constexpr std::string_view kDynamoDbPrefix = "DynamoDB_20120810";
inline constexpr std::string_view kStreamsPrefix = "DynamoDBStreams_20120810";

// nullptr when the service prefix or the operation is unknown.
Operation find_operation(std::string_view service_prefix, std::string_view name);

}  // namespace eddy::ops
