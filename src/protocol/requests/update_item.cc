// UpdateItem's request declared; see update_item.h.
#include "protocol/requests/update_item.h"

#include "protocol/requests/condition_members.h"

namespace eddy::protocol {
namespace {

using R = UpdateItemRequest;

Result<void> check_expression_members(R& request, const JsonValue& json) {
  static const ExpressionUse use{{"UpdateExpression", "ConditionExpression"},
                                 {"AttributeUpdates", "Expected", "ConditionalOperator"}};
  EDDY_TRY_VOID(check_expression_use(json, use));
  // The legacy members' own checks come after the placeholders' (only one style can be present).
  EDDY_TRY_VOID(check_expression_attribute_names(request.expression_attribute_names));
  EDDY_TRY_VOID(check_expression_attribute_values(json, request.expression_attribute_values));
  EDDY_TRY_VOID(check_attribute_update_actions(json));
  EDDY_TRY_VOID(check_comparison_operators(json, "Expected"));
  return check_conditional_operator(request.conditional_operator, request.expected ? request.expected->size() : 0);
}

const Shape<R>& shape() {
  static const Shape<R> shape{
      join<R>({member("TableName", &R::table_name, {required(), name()})}, item_write_return_members<R>(),
              Members<R>{
                  member("Key", &R::key, {required()}),
                  member("ExpressionAttributeNames", &R::expression_attribute_names),
                  expression_attribute_values_member(&R::expression_attribute_values),
                  member("UpdateExpression", &R::update_expression),
                  attribute_updates_member(&R::attribute_updates),
                  member("ConditionExpression", &R::condition_expression),
                  legacy_conditions_member("Expected", &R::expected),
                  member("ConditionalOperator", &R::conditional_operator),
              }),
      {check_expression_members}};
  return shape;
}

}  // namespace

Result<UpdateItemRequest> read_update_item(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
