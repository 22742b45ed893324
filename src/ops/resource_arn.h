// The table a tagging operation's ResourceArn names (arn:aws:dynamodb:<region>:<account>:table/<name>,
// its form checked when the request was read, protocol/requests/resource_arn.h).
#pragma once

#include <string>

#include "engine/catalog.h"
#include "ops/request_context.h"

namespace eddy::ops {

// Whether `table` is the one `arn` names (a table re-created elsewhere has another ARN).
bool names_table(const std::string& arn, const TableDefinition& table);
// ResourceNotFoundException "Requested resource not found: ResourcArn: <arn> not found" (sic).
ApiError arn_not_found(const std::string& arn);
// The table `arn` names; arn_not_found when there is none.
Result<engine::TablePtr> table_of_resource_arn(RequestContext& context, const std::string& arn);

}  // namespace eddy::ops
