// UpdateItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
// Edits (or creates) one item under its key's lock: the condition is checked on the current item,
// the update is applied to it (or to the bare key when there is none), and the result is checked
// like a stored item before it is committed. ReturnValues picks what the response carries.
#include "expr/legacy.h"
#include "model/result.h"
#include "ops/expression_attributes.h"
#include "ops/item_validation.h"
#include "ops/item_write.h"
#include "ops/item_write_response.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/write_condition.h"

namespace eddy::ops {
namespace {

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
  UpdateRules rules{.nesting_limit = request.update_expression.has_value()};
  EDDY_TRY(engine::WriteOutcome outcome,
           write_update(context, *table, request.key, update, {condition, return_old}, rules));
  ConsumedCapacity capacity = write_capacity(*table, outcome.old_item, outcome.new_item);
  auto returned = updated_attributes(request.return_values, update, outcome);
  bool metrics = request.return_item_collection_metrics == p::ReturnItemCollectionMetrics::kSize;
  return item_write_response(returned, request.return_consumed_capacity, capacity,
                             item_collection_metric(*table, request.key, outcome, metrics));
}

}  // namespace eddy::ops
