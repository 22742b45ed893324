// ResourceArn -> table; see resource_arn.h.
#include "ops/resource_arn.h"

#include "model/errors.h"
#include "protocol/requests/resource_arn.h"

namespace eddy::ops {

bool names_table(const std::string& arn, const TableDefinition& table) { return table.arn() == arn; }

ApiError arn_not_found(const std::string& arn) {
  return errors::resource_not_found("ResourcArn: " + arn + " not found");
}

Result<engine::TablePtr> table_of_resource_arn(RequestContext& context, const std::string& arn) {
  engine::TablePtr table = context.database().catalog().find(protocol::table_name_of_arn(arn));
  if (table == nullptr || !names_table(arn, *table)) return fail(arn_not_found(arn));
  return table;
}

}  // namespace eddy::ops
