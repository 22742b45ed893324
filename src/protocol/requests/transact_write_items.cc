// TransactWriteItems' request declared; see transact_write_items.h.
#include "protocol/requests/transact_write_items.h"

#include <functional>

#include "protocol/requests/condition_members.h"
#include "protocol/requests/transact_items.h"

namespace eddy::protocol {
namespace {

using Action = TransactWriteAction;

const char* action_type_name(TransactActionKind kind) {
  switch (kind) {
    case TransactActionKind::kConditionCheck: return "ConditionCheck";
    case TransactActionKind::kPut: return "Put";
    case TransactActionKind::kDelete: return "Delete";
    case TransactActionKind::kUpdate: return "Update";
  }
  return "Put";
}

// The members of one kind of action, in DynamoDB's order of constraints: the item or key, the table,
// the expression the kind needs, ReturnValuesOnConditionCheckFailure.
Shape<Action> action_shape(TransactActionKind kind) {
  bool put = kind == TransactActionKind::kPut;
  std::vector<Constraint> condition;
  std::vector<Constraint> update;
  if (kind == TransactActionKind::kConditionCheck) condition.push_back(required());
  if (kind == TransactActionKind::kUpdate) update.push_back(required());
  Members<Action> members{
      put ? member("Item", &Action::item, {required()}) : member("Key", &Action::key, {required()}),
      member("TableName", &Action::table_name, {required(), name()}),
      member("ConditionExpression", &Action::condition_expression, condition),
      member("UpdateExpression", &Action::update_expression, update),
      member("ReturnValuesOnConditionCheckFailure", &Action::return_values_on_condition_check_failure,
             kReturnValuesOnConditionCheckFailure),
      member("ExpressionAttributeNames", &Action::expression_attribute_names),
      expression_attribute_values_member(&Action::expression_attribute_values),
  };
  if (kind != TransactActionKind::kUpdate) {
    members.push_back(legacy_conditions_member("Expected", &Action::expected));
    members.push_back(member("ConditionalOperator", &Action::conditional_operator, {one_of(kConditionalOperators)}));
  }
  return Shape<Action>(action_type_name(kind), std::move(members));
}

const Shape<Action>& shape_of(TransactActionKind kind) {
  static const Shape<Action> condition_check = action_shape(TransactActionKind::kConditionCheck);
  static const Shape<Action> put = action_shape(TransactActionKind::kPut);
  static const Shape<Action> remove = action_shape(TransactActionKind::kDelete);
  static const Shape<Action> update = action_shape(TransactActionKind::kUpdate);
  switch (kind) {
    case TransactActionKind::kConditionCheck: return condition_check;
    case TransactActionKind::kPut: return put;
    case TransactActionKind::kDelete: return remove;
    case TransactActionKind::kUpdate: return update;
  }
  return put;
}

const Shape<TransactWriteItem>& transact_write_item_shape() {
  using R = TransactWriteItem;
  static const Shape<R> shape{
      "TransactWriteItem",
      {
          member("ConditionCheck", &R::condition_check, shape_of(TransactActionKind::kConditionCheck)),
          member("Put", &R::put, shape_of(TransactActionKind::kPut)),
          member("Delete", &R::delete_action, shape_of(TransactActionKind::kDelete)),
          member("Update", &R::update, shape_of(TransactActionKind::kUpdate)),
      }};
  return shape;
}

const char* member_of(TransactActionKind kind) {
  switch (kind) {
    case TransactActionKind::kConditionCheck: return "ConditionCheck";
    case TransactActionKind::kPut: return "Put";
    case TransactActionKind::kDelete: return "Delete";
    case TransactActionKind::kUpdate: return "Update";
  }
  return "Put";
}

int actions_in(const TransactWriteItem& entry) {
  return int(entry.condition_check.has_value()) + int(entry.put.has_value()) + int(entry.delete_action.has_value()) +
         int(entry.update.has_value());
}

// Per entry, in order: one action; a ConditionCheck's, Put's or Delete's condition members; its
// share of the payload. Then the 4 MB limit, then the Update actions' expression members.
Result<void> check_actions(TransactWriteItemsRequest& request, const JsonValue& json) {
  const JsonValue& items = *json_member(json, "TransactItems");
  std::size_t bytes = 0;
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    const TransactWriteItem& entry = request.transact_items[i];
    int actions = actions_in(entry);
    if (actions == 0) {
      return validation_error("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
    }
    if (actions > 1) return validation_error("TransactItems can only contain one of Check, Put, Update or Delete");
    const Action& action = entry.action();
    if (entry.kind() != TransactActionKind::kUpdate) {
      EDDY_TRY_VOID(check_condition_members(action, *json_member(items[i], member_of(entry.kind()))));
    }
    bytes += item_size(entry.kind() == TransactActionKind::kPut ? action.item : action.key);
    if (action.expression_attribute_values) bytes += item_size(*action.expression_attribute_values);
  }
  if (bytes > kMaxTransactionBytes) {
    return validation_error("Transaction payload size cannot exceed 4MB. Payload Size: " + std::to_string(bytes));
  }
  static const ExpressionUse update_use{{"UpdateExpression", "ConditionExpression"}, {}};
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    const TransactWriteItem& entry = request.transact_items[i];
    if (entry.kind() != TransactActionKind::kUpdate) continue;
    const JsonValue& object = *json_member(items[i], "Update");
    EDDY_TRY_VOID(check_expression_use(object, update_use));
    EDDY_TRY_VOID(check_expression_attribute_names(entry.update->expression_attribute_names));
    EDDY_TRY_VOID(check_expression_attribute_values(object, entry.update->expression_attribute_values));
  }
  return {};
}

// A hash of the request's JSON text as sent.
uint64_t fingerprint_of(const JsonValue& json) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  json.Accept(writer);
  return std::hash<std::string_view>{}(std::string_view(buffer.GetString(), buffer.GetSize()));
}

const Shape<TransactWriteItemsRequest>& shape() {
  using R = TransactWriteItemsRequest;
  static const Shape<R> shape{
      {
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
          member("ReturnItemCollectionMetrics", &R::return_item_collection_metrics, kReturnItemCollectionMetrics),
          member("ClientRequestToken", &R::client_request_token, {length(1, 36)}),
          member("TransactItems", &R::transact_items, transact_write_item_shape(), transact_items_constraints())
              .nested_when_valid(),
      },
      {
          check_actions,
          [](R& request, const JsonValue& json) -> Result<void> {
            if (request.client_request_token) request.fingerprint = fingerprint_of(json);
            return {};
          },
      }};
  return shape;
}

}  // namespace

TransactActionKind TransactWriteItem::kind() const {
  if (condition_check) return TransactActionKind::kConditionCheck;
  if (delete_action) return TransactActionKind::kDelete;
  if (update) return TransactActionKind::kUpdate;
  return TransactActionKind::kPut;
}

const TransactWriteAction& TransactWriteItem::action() const {
  if (condition_check) return *condition_check;
  if (delete_action) return *delete_action;
  if (update) return *update;
  return *put;
}

Result<TransactWriteItemsRequest> read_transact_write_items(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
