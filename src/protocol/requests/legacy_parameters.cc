// Reading and checking the legacy request members; see legacy_parameters.h.
#include "protocol/requests/legacy_parameters.h"

#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>

#include "model/errors.h"
#include "model/result.h"
#include "protocol/attribute_value_json.h"
#include "protocol/attribute_value_types.h"
#include "protocol/json_reading.h"

namespace eddy::protocol {
namespace {

std::string brace_list(const std::vector<const char*>& names) {
  std::string out = "{";
  for (std::size_t i = 0; i < names.size(); ++i) out += std::string(i ? ", " : "") + names[i];
  return out + "}";
}

std::string name_of(const JsonValue& value) { return std::string(value.GetString(), value.GetStringLength()); }

// `type_name`: ExpectedAttributeValue (Expected) or Condition (KeyConditions, QueryFilter, ScanFilter).
Result<LegacyCondition> read_condition(const JsonValue& json, const char* type_name) {
  EDDY_TRY_VOID(expect_structure(json, type_name, Position::kValue));
  LegacyCondition c;
  std::optional<std::string> op;
  EDDY_TRY_VOID(read_value(json_member(json, "ComparisonOperator"), op));
  if (op) c.op = legacy_operator_from_name(*op);
  if (const JsonValue* list = json_member(json, "AttributeValueList")) {
    EDDY_TRY_VOID(expect_list(*list));
    for (const JsonValue& item : list->GetArray()) EDDY_TRY_VOID(check_attribute_value_types(item));
    c.has_value_list = true;
  }
  EDDY_TRY_VOID(read_value(json_member(json, "Exists"), c.exists));
  const JsonValue* value = json_member(json, "Value");
  if (value != nullptr) EDDY_TRY_VOID(check_attribute_value_types(*value));
  // Every member's JSON type is checked before any value is decoded.
  if (const JsonValue* list = json_member(json, "AttributeValueList")) {
    for (const JsonValue& item : list->GetArray()) {
      EDDY_TRY(AttributeValue decoded, decode_attribute_value(item));
      c.values.push_back(std::move(decoded));
    }
  }
  if (value != nullptr) {
    EDDY_TRY(c.value, decode_attribute_value(*value));
  }
  return c;
}

std::optional<LegacyAttributeUpdate::Action> action_of(const std::optional<std::string>& name) {
  if (!name || *name == "PUT") return LegacyAttributeUpdate::Action::kPut;
  if (*name == "ADD") return LegacyAttributeUpdate::Action::kAdd;
  if (*name == "DELETE") return LegacyAttributeUpdate::Action::kDelete;
  return std::nullopt;
}

}  // namespace

Result<void> read_legacy_conditions(const JsonValue* value, std::optional<std::vector<LegacyCondition>>& out,
                                    const char* type_name) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_map(*value, type_name));
  std::vector<LegacyCondition> conditions;
  for (auto it = value->MemberBegin(); it != value->MemberEnd(); ++it) {
    EDDY_TRY(LegacyCondition c, read_condition(it->value, type_name));
    c.attribute = name_of(it->name);
    conditions.push_back(std::move(c));
  }
  out = std::move(conditions);
  return {};
}

Result<void> read_attribute_updates(const JsonValue* value, std::optional<std::vector<LegacyAttributeUpdate>>& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_map(*value, "AttributeValueUpdate"));
  std::vector<LegacyAttributeUpdate> updates;
  for (auto it = value->MemberBegin(); it != value->MemberEnd(); ++it) {
    EDDY_TRY_VOID(expect_structure(it->value, "AttributeValueUpdate", Position::kValue));
    LegacyAttributeUpdate update;
    update.attribute = name_of(it->name);
    std::optional<std::string> action;
    EDDY_TRY_VOID(read_value(json_member(it->value, "Action"), action));
    update.action = action_of(action).value_or(LegacyAttributeUpdate::Action::kPut);
    if (const JsonValue* attribute_value = json_member(it->value, "Value")) {
      EDDY_TRY(update.value, decode_attribute_value(*attribute_value));
    }
    updates.push_back(std::move(update));
  }
  out = std::move(updates);
  return {};
}

const ShapeChecks& legacy_condition_checks() {
  static const ShapeChecks checks{"", {{"ComparisonOperator", "comparisonOperator", {one_of(kComparisonOperators)}}}};
  return checks;
}

const ShapeChecks& attribute_update_checks() {
  static const ShapeChecks checks{"", {{"Action", "action", {one_of(kAttributeActions)}}}};
  return checks;
}

RequestParameterUse request_parameter_use(const JsonValue& request) {
  using U = RequestParameterUse;
  static constexpr std::pair<std::string_view, bool U::*> kMembers[] = {
      {"AttributesToGet", &U::attributes_to_get},
      {"AttributeUpdates", &U::attribute_updates},
      {"Expected", &U::expected},
      {"QueryFilter", &U::query_filter},
      {"ScanFilter", &U::scan_filter},
      {"ConditionalOperator", &U::conditional_operator},
      {"KeyConditions", &U::key_conditions},
      {"ProjectionExpression", &U::projection_expression},
      {"UpdateExpression", &U::update_expression},
      {"ConditionExpression", &U::condition_expression},
      {"FilterExpression", &U::filter_expression},
      {"KeyConditionExpression", &U::key_condition_expression},
  };
  RequestParameterUse use;
  if (!request.IsObject()) return use;
  // One pass over the request's members, not one search per name; a name sent twice counts as
  // its first occurrence, as json_member reads it.
  std::uint32_t seen = 0;
  for (auto it = request.MemberBegin(); it != request.MemberEnd(); ++it) {
    std::string_view name(it->name.GetString(), it->name.GetStringLength());
    for (std::size_t i = 0; i < std::size(kMembers); ++i) {
      if (kMembers[i].first != name) continue;
      if ((seen & (1u << i)) == 0) use.*kMembers[i].second = !it->value.IsNull();
      seen |= 1u << i;
      break;
    }
  }
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
  // KeyConditions may go with FilterExpression and ProjectionExpression: DynamoDB refuses only the
  // legacy members above beside an expression.
  if (use.projection_expression) expressions.push_back("ProjectionExpression");
  if (use.update_expression) expressions.push_back("UpdateExpression");
  if (use.condition_expression) expressions.push_back("ConditionExpression");
  if (use.filter_expression) expressions.push_back("FilterExpression");
  if (use.key_condition_expression) expressions.push_back("KeyConditionExpression");
  if (legacy.empty() || expressions.empty()) return {};
  return validation_error(
      "Can not use both expression and non-expression parameters in the same request: "
      "Non-expression parameters: " +
      brace_list(legacy) + " Expression parameters: " + brace_list(expressions));
}

Result<void> check_comparison_operators(const JsonValue& request, const char* member) {
  const JsonValue* conditions = json_member(request, member);
  if (conditions == nullptr) return {};
  for (auto it = conditions->MemberBegin(); it != conditions->MemberEnd(); ++it) {
    const JsonValue* op = json_member(it->value, "ComparisonOperator");
    if (op != nullptr && !legacy_operator_from_name(name_of(*op))) return fail(errors::unknown_comparison_operator());
  }
  return {};
}

Result<void> check_attribute_update_actions(const JsonValue& request) {
  const JsonValue* updates = json_member(request, "AttributeUpdates");
  if (updates == nullptr) return {};
  for (auto it = updates->MemberBegin(); it != updates->MemberEnd(); ++it) {
    const JsonValue* action = json_member(it->value, "Action");
    if (action != nullptr && !action_of(name_of(*action))) {
      return validation_error("Action type does not exist in DynamoDB");
    }
  }
  return {};
}

Result<void> check_conditional_operator(const std::optional<std::string>& conditional_operator,
                                        std::size_t condition_count) {
  if (!conditional_operator) return {};
  if (condition_count == 0) return validation_error("ConditionalOperator cannot be used without Filter or Expected");
  if (condition_count < 2) {
    return validation_error("ConditionalOperator can only be used when Filter or Expected has two or more elements");
  }
  return {};
}

}  // namespace eddy::protocol
