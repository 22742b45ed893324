// DescribeTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
#include "ops/operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> describe_table(RequestContext& context, const JsonValue& request) {
  auto found = find_requested_table(context, request);
  if (!found) return fail(found.error());
  engine::TablePtr table = *found;
  return table_description_response(context, "Table", *table);
}

}  // namespace eddy::ops
