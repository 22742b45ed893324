// PutItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
#include "model/result.h"
#include "ops/expression_attributes.h"
#include "ops/item_validation.h"
#include "ops/item_write.h"
#include "ops/item_write_response.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/write_condition.h"

namespace eddy::ops {

Result<std::string> put_item(RequestContext& context, const p::PutItemRequest& request) {
  expr::ExpressionAttributes attributes =
      expression_attributes(request.expression_attribute_names, request.expression_attribute_values);
  EDDY_TRY(WriteCondition condition, WriteCondition::parse_of(request, attributes));
  EDDY_TRY_VOID(attributes.check_all_used());
  EDDY_TRY(engine::TablePtr table, find_table(context, request.table_name));
  EDDY_TRY_VOID(validate_item(*table, request.item));

  bool return_old = request.return_values_on_condition_check_failure == p::ReturnValuesOnConditionCheckFailure::kAllOld;
  EDDY_TRY(engine::WriteOutcome outcome, write_put(context, *table, request.item, {condition, return_old}));
  ConsumedCapacity capacity = write_capacity(*table, outcome.old_item, outcome.new_item);
  std::optional<Item> attributes_returned;
  if (request.return_values == p::ReturnValue::kAllOld) attributes_returned = outcome.old_item;
  bool metrics = request.return_item_collection_metrics == p::ReturnItemCollectionMetrics::kSize;
  return item_write_response(
      attributes_returned, request.return_consumed_capacity, capacity,
      item_collection_metric(*table, engine::key_of(table->key, request.item), outcome, metrics));
}

}  // namespace eddy::ops
