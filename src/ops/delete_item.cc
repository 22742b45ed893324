// DeleteItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
#include "ops/conditional_write_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/write_condition.h"

namespace eddy::ops {

Result<std::string> delete_item(RequestContext& context, const JsonValue& request) {
  auto parsed = read_conditional_write(context, request, "Key", "key");
  if (!parsed) return fail(parsed.error());
  const auto& [common, key, condition, table] = *parsed;
  if (auto valid = validate_key(*table, key); !valid) return fail(valid.error());

  bool return_old = common.return_old_on_condition_failure;
  auto outcome = context.database().write_item(
      *table, key, [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
        if (auto passed = condition.check(current, return_old); !passed) return fail(passed.error());
        return std::optional<Item>();
      });
  if (!outcome) return fail(outcome.error());
  ConsumedCapacity capacity = write_capacity(*table, outcome->old_item, outcome->new_item);
  std::optional<Item> attributes;
  if (common.return_values == "ALL_OLD") attributes = outcome->old_item;
  return item_write_response(attributes, common.capacity, capacity);
}

}  // namespace eddy::ops
