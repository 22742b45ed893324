// DescribeTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
#include "model/result.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> describe_table(RequestContext& context, const p::DescribeTableRequest& request) {
  EDDY_TRY(engine::TablePtr table, find_named_table(context, request.table_name));
  return table_description_response(context, "Table", *table);
}

}  // namespace eddy::ops
