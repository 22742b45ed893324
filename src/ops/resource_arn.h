// Resolving the ResourceArn of the tagging operations to a table.
#pragma once

#include <string>

#include "engine/catalog.h"
#include "ops/request_context.h"
#include "protocol/json.h"

namespace eddy::ops {

// Reads and checks ResourceArn (arn:aws:dynamodb:<region>:<account>:table/<name>) and finds its table,
// with DynamoDB's messages for a malformed ARN and for a table that does not exist.
Result<engine::TablePtr> table_of_resource_arn(RequestContext& context, const JsonValue& request);

}  // namespace eddy::ops
