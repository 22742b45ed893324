// DescribeTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<std::string> describe_table(RequestContext& context, const JsonValue& request) {
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  ConstraintViolations violations;
  violations.table_name("tableName", *name);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  auto found = find_named_table(context, **name);
  if (!found) return fail(found.error());
  engine::TablePtr table = *found;
  return table_description_response(context, "Table", *table);
}

}  // namespace eddy::ops
