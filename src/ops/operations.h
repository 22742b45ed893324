// Declarations of every operation handler (one .cc file each, named after the operation).
#pragma once

#include "ops/operation_table.h"

namespace eddy::ops {

// Tables
Result<std::string> create_table(RequestContext& context, const JsonValue& request);
Result<std::string> describe_table(RequestContext& context, const JsonValue& request);
Result<std::string> list_tables(RequestContext& context, const JsonValue& request);
Result<std::string> delete_table(RequestContext& context, const JsonValue& request);
Result<std::string> update_table(RequestContext& context, const JsonValue& request);
// Items
Result<std::string> put_item(RequestContext& context, const JsonValue& request);
Result<std::string> get_item(RequestContext& context, const JsonValue& request);
Result<std::string> delete_item(RequestContext& context, const JsonValue& request);

}  // namespace eddy::ops
