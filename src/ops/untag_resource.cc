// UntagResource: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
#include <algorithm>
#include <mutex>

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
  auto& catalog = context.database().catalog();
  std::lock_guard<std::mutex> ddl(catalog.ddl_mutex());
  auto table = table_of_resource_arn(context, request);
  if (!table) return fail(table.error());
  TableDefinition updated = **table;
  std::erase_if(updated.tags, [&](const Tag& tag) {
    return std::find((*keys)->begin(), (*keys)->end(), tag.key) != (*keys)->end();
  });
  if (auto stored = catalog.put(std::move(updated)); !stored) return fail(stored.error());
  return std::string("{}");
}

}  // namespace eddy::ops
