// DeleteItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
#include "ops/item_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/write_condition.h"

namespace eddy::ops {

Result<std::string> delete_item(RequestContext& context, const JsonValue& request) {
  ConstraintViolations violations;
  auto common = read_common_item_request(request, violations);
  if (!common) return fail(common.error());
  auto key = read_attribute_map(request, "Key");
  if (!key) return fail(key.error());
  violations.not_null("key", key->has_value());
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (auto allowed = check_return_values(common->return_values, {"NONE", "ALL_OLD"},
                                         "ReturnValues can only be ALL_OLD or NONE");
      !allowed) {
    return fail(allowed.error());
  }
  auto condition = WriteCondition::parse(request, {"Key"});
  if (!condition) return fail(condition.error());
  auto table = find_table(context, common->table_name);
  if (!table) return fail(table.error());
  if (auto valid = validate_key(**table, **key); !valid) return fail(valid.error());

  bool return_old = common->return_old_on_condition_failure;
  auto outcome = context.database().write_item(
      **table, **key, [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
        if (auto passed = condition->check(current, return_old); !passed) return fail(passed.error());
        return std::optional<Item>();
      });
  if (!outcome) return fail(outcome.error());
  ConsumedCapacity capacity = write_capacity(**table, outcome->old_item, outcome->new_item);
  std::optional<Item> attributes;
  if (common->return_values == "ALL_OLD") attributes = outcome->old_item;
  return item_write_response(attributes, common->capacity, capacity);
}

}  // namespace eddy::ops
