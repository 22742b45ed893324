// UpdateItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
// Edits (or creates) one item under its key's lock: the condition is checked on the current item,
// the update is applied to it (or to the bare key when there is none), and the result is checked
// like a stored item before it is committed. ReturnValues picks what the response carries.
#include "expr/legacy.h"
#include "model/result.h"
#include "ops/expression_attributes.h"
#include "ops/item_validation.h"
#include "ops/item_write_response.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/write_condition.h"

namespace eddy::ops {
namespace {

using p::ReturnValue;

// The "Attributes" of the response for `return_values`: UPDATED_OLD/UPDATED_NEW are the updated
// document paths as they were before / are after the update.
std::optional<Item> returned_attributes(ReturnValue return_values, const expr::Update& update,
                                        const engine::WriteOutcome& outcome) {
  switch (return_values) {
    case ReturnValue::kNone: return std::nullopt;
    case ReturnValue::kAllOld: return outcome.old_item;
    case ReturnValue::kAllNew: return outcome.new_item;
    case ReturnValue::kUpdatedOld:
    case ReturnValue::kUpdatedNew: break;
  }
  const std::optional<Item>& item = return_values == ReturnValue::kUpdatedOld ? outcome.old_item : outcome.new_item;
  if (!item) return std::nullopt;
  return expr::Projection{update.updated_paths()}.apply(*item);
}

// The update: UpdateExpression resolved with the request's placeholders, or AttributeUpdates (whose
// key attributes are refused once the table is known), or none (the item is still created).
Result<expr::Update> parse_update(const p::UpdateItemRequest& request, expr::ExpressionAttributes& attributes) {
  if (request.update_expression) return expr::parse_update(*request.update_expression, attributes, {});
  if (request.attribute_updates) return expr::legacy_update(*request.attribute_updates, {});
  return expr::Update();
}

}  // namespace

Result<std::string> update_item(RequestContext& context, const p::UpdateItemRequest& request) {
  expr::ExpressionAttributes attributes =
      expression_attributes(request.expression_attribute_names, request.expression_attribute_values);
  EDDY_TRY(expr::Update update, parse_update(request, attributes));
  EDDY_TRY(WriteCondition condition, WriteCondition::parse_of(request, attributes));
  EDDY_TRY_VOID(attributes.check_all_used());
  EDDY_TRY(engine::TablePtr table, find_table(context, request.table_name));
  EDDY_TRY_VOID(validate_key(*table, request.key));
  EDDY_TRY_VOID(check_key_attributes_not_updated(*table, update));

  bool return_old = request.return_values_on_condition_check_failure == p::ReturnValuesOnConditionCheckFailure::kAllOld;
  // DynamoDB holds the result of an UpdateExpression to 32 levels, not that of AttributeUpdates
  // (whose values, each 32 levels at most, replace or extend top-level attributes only).
  bool by_expression = request.update_expression.has_value();
  EDDY_TRY(engine::WriteOutcome outcome,
           context.database().write_item(
               *table, request.key, [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
                 EDDY_TRY_VOID(condition.check(current, return_old));
                 // Removing from an item that is not there creates nothing (no item, no record).
                 if (!current && update.only_removes()) return std::optional<Item>();
                 Item item = current.value_or(request.key);
                 EDDY_TRY_VOID(update.apply(item));
                 if (by_expression) EDDY_TRY_VOID(validate_updated_nesting(item));
                 EDDY_TRY_VOID(validate_updated_item(*table, item));
                 return std::optional<Item>(std::move(item));
               }));
  ConsumedCapacity capacity = write_capacity(*table, outcome.old_item, outcome.new_item);
  auto returned = returned_attributes(request.return_values, update, outcome);
  bool metrics = request.return_item_collection_metrics == p::ReturnItemCollectionMetrics::kSize;
  return item_write_response(returned, request.return_consumed_capacity, capacity,
                             item_collection_key(*table, request.key, metrics));
}

}  // namespace eddy::ops
