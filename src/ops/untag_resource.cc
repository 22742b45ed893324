// UntagResource: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
#include <algorithm>

#include "ops/operations.h"
#include "ops/resource_arn.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<std::string> untag_resource(RequestContext& context, const JsonValue& request) {
  auto keys = read_string_list(request, "TagKeys");
  if (!keys) return fail(keys.error());
  ConstraintViolations violations;
  violations.not_null("tagKeys", keys->has_value());
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  auto arn = read_resource_arn(request);
  if (!arn) return fail(arn.error());
  auto updated = context.database().catalog().modify(arn->table_name, [&](TableDefinition& table) -> Result<void> {
    if (!names_table(*arn, table)) return fail(resource_not_found(*arn));
    std::erase_if(table.tags, [&](const Tag& tag) {
      return std::find((*keys)->begin(), (*keys)->end(), tag.key) != (*keys)->end();
    });
    return {};
  });
  if (!updated) return fail(updated.error());
  if (*updated == nullptr) return fail(resource_not_found(*arn));
  return std::string("{}");
}

}  // namespace eddy::ops
