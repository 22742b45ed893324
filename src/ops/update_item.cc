// UpdateItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
// Edits (or creates) one item under its key's lock: the condition is checked on the current item,
// the update is applied to it (or to the bare key when there is none), and the result is checked
// like a stored item before it is committed. ReturnValues picks what the response carries.
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/update_request.h"

namespace eddy::ops {
namespace {

// The "Attributes" of the response for `return_values`: UPDATED_OLD/UPDATED_NEW are the updated
// document paths as they were before / are after the update.
std::optional<Item> returned_attributes(const std::string& return_values, const expr::Update& update,
                                        const engine::WriteOutcome& outcome) {
  if (return_values == "ALL_OLD") return outcome.old_item;
  if (return_values == "ALL_NEW") return outcome.new_item;
  if (return_values != "UPDATED_OLD" && return_values != "UPDATED_NEW") return std::nullopt;
  const std::optional<Item>& item = return_values == "UPDATED_OLD" ? outcome.old_item : outcome.new_item;
  if (!item) return std::nullopt;
  return expr::Projection{update.updated_paths()}.apply(*item);
}

}  // namespace

Result<std::string> update_item(RequestContext& context, const JsonValue& request) {
  auto parsed = read_update_item_request(request);
  if (!parsed) return fail(parsed.error());
  auto table = find_table(context, parsed->common.table_name);
  if (!table) return fail(table.error());
  if (auto valid = validate_key(**table, parsed->key); !valid) return fail(valid.error());
  if (auto updatable = check_key_attributes_not_updated(**table, parsed->update); !updatable) {
    return fail(updatable.error());
  }

  const UpdateItemRequest& update = *parsed;
  bool return_old = update.common.return_old_on_condition_failure;
  // DynamoDB holds the result of an UpdateExpression to 32 levels, not that of AttributeUpdates
  // (whose values, each 32 levels at most, replace or extend top-level attributes only).
  bool by_expression = request.IsObject() && request.HasMember("UpdateExpression");
  auto outcome = context.database().write_item(
      **table, update.key, [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
        if (auto passed = update.condition.check(current, return_old); !passed) return fail(passed.error());
        Item item = current.value_or(update.key);
        if (auto applied = update.update.apply(item); !applied) return fail(applied.error());
        if (by_expression) {
          if (auto nesting = validate_updated_nesting(item); !nesting) return fail(nesting.error());
        }
        if (auto valid = validate_updated_item(**table, item); !valid) return fail(valid.error());
        return std::optional<Item>(std::move(item));
      });
  if (!outcome) return fail(outcome.error());
  ConsumedCapacity capacity = write_capacity(**table, outcome->old_item, outcome->new_item);
  auto attributes = returned_attributes(update.common.return_values, update.update, *outcome);
  return item_write_response(attributes, update.common.capacity, capacity);
}

}  // namespace eddy::ops
