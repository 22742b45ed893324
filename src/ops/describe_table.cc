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
  engine::TablePtr table = context.database().catalog().find(**name);
  if (table == nullptr) return fail(ApiError::not_found("Requested resource not found: Table: " + **name + " not found"));
  return table_description_response(context, "Table", *table);
}

}  // namespace eddy::ops
