// Shared reading of PutItem and DeleteItem; see conditional_write_request.h.
#include "ops/conditional_write_request.h"

#include "ops/table_lookup.h"

namespace eddy::ops {

Result<ConditionalWriteRequest> read_conditional_write(RequestContext& context, const JsonValue& request,
                                                       const char* member, const char* path) {
  ConstraintViolations violations;
  auto common = read_common_item_request(request, violations);
  if (!common) return fail(common.error());
  auto attributes = read_attribute_map(request, member);
  if (!attributes) return fail(attributes.error());
  violations.not_null(path, attributes->has_value());
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (auto allowed = check_return_values(common->return_values, {"NONE", "ALL_OLD"},
                                         "ReturnValues can only be ALL_OLD or NONE");
      !allowed) {
    return fail(allowed.error());
  }
  auto condition = WriteCondition::parse(request, {member});
  if (!condition) return fail(condition.error());
  auto table = find_table(context, common->table_name);
  if (!table) return fail(table.error());
  return ConditionalWriteRequest{std::move(*common), std::move(**attributes), std::move(*condition), *table};
}

}  // namespace eddy::ops
