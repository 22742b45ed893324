// TagResource: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
#include "model/errors.h"
#include "model/result.h"
#include "ops/operations.h"
#include "ops/resource_arn.h"
#include "protocol/requests/resource_arn.h"

namespace eddy::ops {
namespace {

// Adds or replaces `tags` on `table`.
Result<void> add_tags(TableDefinition& table, const std::vector<Tag>& tags) {
  for (const Tag& tag : tags) {
    bool replaced = false;
    for (Tag& existing : table.tags) {
      if (existing.key == tag.key) {
        existing.value = tag.value;
        replaced = true;
      }
    }
    if (!replaced) table.tags.push_back(tag);
  }
  if (table.tags.size() > errors::kMaxTagsPerResource) return fail(errors::too_many_tags());
  return {};
}

}  // namespace

Result<std::string> tag_resource(RequestContext& context, const p::TagResourceRequest& request) {
  const std::string& arn = request.resource_arn;
  EDDY_TRY(engine::TablePtr updated,
           context.database().catalog().modify(protocol::table_name_of_arn(arn), [&](TableDefinition& table) {
             if (!names_table(arn, table)) return Result<void>(fail(arn_not_found(arn)));
             return add_tags(table, request.tags);
           }));
  if (updated == nullptr) return fail(arn_not_found(arn));
  return std::string();  // DynamoDB answers TagResource and UntagResource with an empty body
}

}  // namespace eddy::ops
