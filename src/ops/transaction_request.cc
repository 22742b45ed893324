// Reading TransactWriteItems; see transaction_request.h.
#include "ops/transaction_request.h"

#include <functional>

#include "ops/batch_request.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

struct KindInfo {
  TransactActionKind kind;
  const char* member;  // in the request
  const char* path;    // in constraint messages
};
constexpr KindInfo kKinds[] = {
    {TransactActionKind::kConditionCheck, "ConditionCheck", "conditionCheck"},
    {TransactActionKind::kPut, "Put", "put"},
    {TransactActionKind::kDelete, "Delete", "delete"},
    {TransactActionKind::kUpdate, "Update", "update"},
};

// Reads one action object of kind `info` at `path` ("transactItems.<n>.member.<kind>").
Result<TransactWriteAction> read_action(const JsonValue& object, const KindInfo& info, const std::string& path,
                                        ConstraintViolations& violations) {
  TransactWriteAction action;
  action.kind = info.kind;
  action.json = &object;
  auto table = read_string(object, "TableName");
  if (!table) return fail(table.error());
  bool put = info.kind == TransactActionKind::kPut;
  auto attributes = read_attribute_map(object, put ? "Item" : "Key");
  if (!attributes) return fail(attributes.error());
  auto on_failure = read_string(object, "ReturnValuesOnConditionCheckFailure");
  if (!on_failure) return fail(on_failure.error());
  auto condition = read_string(object, "ConditionExpression");
  if (!condition) return fail(condition.error());
  auto update = read_string(object, "UpdateExpression");
  if (!update) return fail(update.error());
  violations.not_null(path + (put ? ".item" : ".key"), attributes->has_value());
  violations.table_name(path + ".tableName", *table);
  if (info.kind == TransactActionKind::kConditionCheck) {
    violations.not_null(path + ".conditionExpression", condition->has_value());
  }
  if (info.kind == TransactActionKind::kUpdate) violations.not_null(path + ".updateExpression", update->has_value());
  violations.enum_value(path + ".returnValuesOnConditionCheckFailure", *on_failure, {"ALL_OLD", "NONE"});
  action.table_name = table->value_or("");
  if (*attributes) (put ? action.item : action.key) = std::move(**attributes);
  action.return_old_on_failure = *on_failure == "ALL_OLD";
  return action;
}

// Reads entry `index` of TransactItems; `kinds` counts the action members it has.
Result<TransactWriteAction> read_entry(const JsonValue& entry, std::size_t index, int& kinds,
                                       ConstraintViolations& violations) {
  if (!entry.IsObject()) return fail(wrong_type("TransactItems", entry));
  TransactWriteAction found;
  kinds = 0;
  for (const auto& info : kKinds) {
    auto object = read_object(entry, info.member);
    if (!object) return fail(object.error());
    if (*object == nullptr) continue;
    std::string path = "transactItems." + std::to_string(index + 1) + ".member." + info.path;
    auto action = read_action(**object, info, path, violations);
    if (!action) return fail(action.error());
    if (kinds++ == 0) found = std::move(*action);
  }
  return found;
}

std::size_t payload_bytes(const TransactWriteAction& action) {
  std::size_t bytes = item_size(action.kind == TransactActionKind::kPut ? action.item : action.key);
  auto values = read_attribute_map(*action.json, "ExpressionAttributeValues");
  if (values && *values) bytes += item_size(**values);
  return bytes;
}

// The checks DynamoDB makes after the constraints: one action per entry, expressions, size.
Result<void> check_actions(TransactWriteRequest& parsed, const std::vector<int>& kinds) {
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < parsed.actions.size(); ++i) {
    if (kinds[i] == 0) {
      return validation_error("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
    }
    if (kinds[i] > 1) return validation_error("TransactItems can only contain one of Check, Put, Update or Delete");
    auto& action = parsed.actions[i];
    if (action.kind != TransactActionKind::kUpdate) {
      const char* context_member = action.kind == TransactActionKind::kPut ? "Item" : "Key";
      auto condition = WriteCondition::parse(*action.json, {context_member});
      if (!condition) return fail(condition.error());
      action.condition = std::move(*condition);
    }
    bytes += payload_bytes(action);
  }
  if (bytes > kMaxTransactionBytes) {
    return validation_error("Transaction payload size cannot exceed 4MB. Payload Size: " + std::to_string(bytes));
  }
  return {};
}

}  // namespace

bool check_transact_items_count(const JsonValue* items, ConstraintViolations& violations) {
  if (items == nullptr) {
    violations.not_null("transactItems", false);
  } else if (items->Empty()) {
    violations.add("transactItems", "[]", "Member must have length greater than or equal to 1");
  } else if (items->Size() > kMaxTransactionActions) {
    violations.add("transactItems", list_text(*items), "Member must have length less than or equal to 100");
  } else {
    return true;
  }
  return false;
}

Result<TransactWriteRequest> parse_transact_write(const JsonValue& request) {
  ConstraintViolations violations;
  TransactWriteRequest parsed;
  auto capacity = read_string(request, "ReturnConsumedCapacity");
  if (!capacity) return fail(capacity.error());
  auto metrics = read_string(request, "ReturnItemCollectionMetrics");
  if (!metrics) return fail(metrics.error());
  auto token = read_string(request, "ClientRequestToken");
  if (!token) return fail(token.error());
  auto items = read_array(request, "TransactItems");
  if (!items) return fail(items.error());
  violations.enum_value("returnConsumedCapacity", *capacity, {"INDEXES", "TOTAL", "NONE"});
  violations.enum_value("returnItemCollectionMetrics", *metrics, {"SIZE", "NONE"});
  violations.length("clientRequestToken", *token, 1, 36);
  std::vector<int> kinds;
  if (check_transact_items_count(*items, violations)) {
    for (rapidjson::SizeType i = 0; i < (*items)->Size(); ++i) {
      kinds.push_back(0);
      auto action = read_entry((**items)[i], i, kinds.back(), violations);
      if (!action) return fail(action.error());
      parsed.actions.push_back(std::move(*action));
    }
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (auto checked = check_actions(parsed, kinds); !checked) return fail(checked.error());
  parsed.capacity = capacity_mode(*capacity);
  parsed.metrics = *metrics == "SIZE";
  parsed.client_request_token = *token;
  return parsed;
}

uint64_t request_fingerprint(const JsonValue& request) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  request.Accept(writer);
  return std::hash<std::string_view>{}(std::string_view(buffer.GetString(), buffer.GetSize()));
}

}  // namespace eddy::ops
