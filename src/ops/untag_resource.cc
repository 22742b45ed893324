// UntagResource: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
#include <algorithm>

#include "model/result.h"
#include "ops/operations.h"
#include "ops/resource_arn.h"
#include "protocol/requests/resource_arn.h"

namespace eddy::ops {

Result<std::string> untag_resource(RequestContext& context, const p::UntagResourceRequest& request) {
  const std::string& arn = request.resource_arn;
  const auto& keys = request.tag_keys;
  EDDY_TRY(engine::TablePtr updated,
           context.database().catalog().modify(protocol::table_name_of_arn(arn), [&](TableDefinition& table) {
             if (!names_table(arn, table)) return Result<void>(fail(arn_not_found(arn)));
             std::erase_if(table.tags,
                           [&](const Tag& tag) { return std::find(keys.begin(), keys.end(), tag.key) != keys.end(); });
             return Result<void>();
           }));
  if (updated == nullptr) return fail(arn_not_found(arn));
  return std::string();  // DynamoDB answers TagResource and UntagResource with an empty body
}

}  // namespace eddy::ops
