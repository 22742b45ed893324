// Finding a request's table, with DynamoDB's not-found messages, and rendering its description.
#pragma once

#include <string>

#include "engine/catalog.h"
#include "ops/request_context.h"
#include "protocol/json.h"

namespace eddy::ops {

// For item operations: ResourceNotFoundException "Requested resource not found" when absent.
Result<engine::TablePtr> find_table(RequestContext& context, const std::string& name);
// For table-level operations (DescribeTable, DescribeTimeToLive):
// ResourceNotFoundException "Requested resource not found: Table: <name> not found" when absent.
Result<engine::TablePtr> find_named_table(RequestContext& context, const std::string& name);
// Writes "<member>": TableDescription for `table` (counts and sizes from the engine; a failed read
// of them is InternalServerError).
Result<void> write_table_description(RequestContext& context, JsonWriter& writer, const char* member,
                                     const TableDefinition& table);
// A whole response body {"<member>": TableDescription}.
Result<std::string> table_description_response(RequestContext& context, const char* member,
                                               const TableDefinition& table);

}  // namespace eddy::ops
