// Resolving the ResourceArn of the tagging operations to a table.
#pragma once

#include <string>

#include "engine/catalog.h"
#include "ops/request_context.h"
#include "protocol/json.h"

namespace eddy::ops {

struct ResourceArn {
  std::string text;        // arn:aws:dynamodb:<region>:<account>:table/<name>
  std::string table_name;  // <name>
};

// Reads and checks ResourceArn, with DynamoDB's messages for a missing or malformed ARN.
Result<ResourceArn> read_resource_arn(const JsonValue& request);
// Whether `table` is the one `arn` names (a table re-created elsewhere has another ARN).
bool names_table(const ResourceArn& arn, const TableDefinition& table);
// ResourceNotFoundException for an ARN whose table does not exist.
ApiError resource_not_found(const ResourceArn& arn);
// read_resource_arn, then its table (resource_not_found when there is none).
Result<engine::TablePtr> table_of_resource_arn(RequestContext& context, const JsonValue& request);

}  // namespace eddy::ops
