// Decoding of the legacy request parameters and the expression/non-expression mix check (see
// legacy_parameters.h). The translation itself is expr/legacy.cc.
#include "protocol/legacy_parameters.h"

#include "protocol/attribute_value_json.h"
#include "protocol/request_fields.h"

namespace eddy {
namespace {

std::string brace_list(const std::vector<const char*>& names) {
  std::string out = "{";
  for (std::size_t i = 0; i < names.size(); ++i) out += std::string(i ? ", " : "") + names[i];
  return out + "}";
}

Result<expr::LegacyCondition> decode_condition(const char* attribute, const JsonValue& json) {
  if (!json.IsObject()) return fail(wrong_type(attribute, json));
  expr::LegacyCondition c;
  c.attribute = attribute;
  auto op = read_string(json, "ComparisonOperator");
  if (!op) return fail(op.error());
  if (*op) {
    c.op = expr::legacy_operator_from_name(**op);
    if (!c.op) return validation_error("Comparison type does not exist in DynamoDB");
  }
  auto list = read_array(json, "AttributeValueList");
  if (!list) return fail(list.error());
  if (*list) {
    c.has_value_list = true;
    for (const JsonValue& item : (*list)->GetArray()) {
      auto value = decode_attribute_value(item);
      if (!value) return fail(value.error());
      c.values.push_back(std::move(*value));
    }
  }
  if (const JsonValue* value = member(json, "Value")) {
    auto decoded = decode_attribute_value(*value);
    if (!decoded) return fail(decoded.error());
    c.value = std::move(*decoded);
  }
  auto exists = read_bool(json, "Exists");
  if (!exists) return fail(exists.error());
  c.exists = *exists;
  return c;
}

}  // namespace

RequestParameterUse request_parameter_use(const JsonValue& request) {
  auto has = [&](const char* name) { return member(request, name) != nullptr; };
  RequestParameterUse use;
  use.attributes_to_get = has("AttributesToGet");
  use.attribute_updates = has("AttributeUpdates");
  use.expected = has("Expected");
  use.query_filter = has("QueryFilter");
  use.scan_filter = has("ScanFilter");
  use.conditional_operator = has("ConditionalOperator");
  use.key_conditions = has("KeyConditions");
  use.projection_expression = has("ProjectionExpression");
  use.update_expression = has("UpdateExpression");
  use.condition_expression = has("ConditionExpression");
  use.filter_expression = has("FilterExpression");
  use.key_condition_expression = has("KeyConditionExpression");
  return use;
}

Result<void> check_parameter_mix(const RequestParameterUse& use) {
  std::vector<const char*> legacy, expressions;
  if (use.attributes_to_get) legacy.push_back("AttributesToGet");
  if (use.attribute_updates) legacy.push_back("AttributeUpdates");
  if (use.expected) legacy.push_back("Expected");
  if (use.query_filter) legacy.push_back("QueryFilter");
  if (use.scan_filter) legacy.push_back("ScanFilter");
  if (use.conditional_operator) legacy.push_back("ConditionalOperator");
  if (use.key_conditions) legacy.push_back("KeyConditions");
  if (use.projection_expression) expressions.push_back("ProjectionExpression");
  if (use.update_expression) expressions.push_back("UpdateExpression");
  if (use.condition_expression) expressions.push_back("ConditionExpression");
  if (use.filter_expression) expressions.push_back("FilterExpression");
  if (use.key_condition_expression) expressions.push_back("KeyConditionExpression");
  if (legacy.empty() || expressions.empty()) return {};
  return validation_error("Can not use both expression and non-expression parameters in the same request: "
                          "Non-expression parameters: " + brace_list(legacy) +
                          " Expression parameters: " + brace_list(expressions));
}

Result<std::vector<expr::LegacyCondition>> decode_legacy_conditions(const JsonValue& conditions, const char* field) {
  if (!conditions.IsObject()) return fail(wrong_type(field, conditions));
  std::vector<expr::LegacyCondition> out;
  for (auto it = conditions.MemberBegin(); it != conditions.MemberEnd(); ++it) {
    auto c = decode_condition(it->name.GetString(), it->value);
    if (!c) return fail(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

Result<std::vector<expr::LegacyAttributeUpdate>> decode_attribute_updates(const JsonValue& updates) {
  if (!updates.IsObject()) return fail(wrong_type("AttributeUpdates", updates));
  std::vector<expr::LegacyAttributeUpdate> out;
  for (auto it = updates.MemberBegin(); it != updates.MemberEnd(); ++it) {
    if (!it->value.IsObject()) return fail(wrong_type(it->name.GetString(), it->value));
    expr::LegacyAttributeUpdate update;
    update.attribute = it->name.GetString();
    auto action = read_string(it->value, "Action");
    if (!action) return fail(action.error());
    if (*action == "ADD") update.action = expr::LegacyAttributeUpdate::Action::kAdd;
    else if (*action == "DELETE") update.action = expr::LegacyAttributeUpdate::Action::kDelete;
    else if (!*action || *action == "PUT") update.action = expr::LegacyAttributeUpdate::Action::kPut;
    else return validation_error("Action type does not exist in DynamoDB");
    if (const JsonValue* value = member(it->value, "Value")) {
      auto decoded = decode_attribute_value(*value);
      if (!decoded) return fail(decoded.error());
      update.value = std::move(*decoded);
    }
    out.push_back(std::move(update));
  }
  return out;
}

Result<bool> conditional_operator_is_or(const JsonValue& request, std::size_t condition_count) {
  auto op = read_string(request, "ConditionalOperator");
  if (!op) return fail(op.error());
  if (!*op) return false;
  if (condition_count == 0) return validation_error("ConditionalOperator cannot be used without Filter or Expected");
  if (condition_count < 2) {
    return validation_error("ConditionalOperator can only be used when Filter or Expected has two or more elements");
  }
  return **op == "OR";
}

}  // namespace eddy
