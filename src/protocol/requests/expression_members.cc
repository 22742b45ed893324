// ExpressionAttributeNames/Values and DynamoDB's checks on them; see expression_members.h.
#include "protocol/requests/expression_members.h"

#include <cstring>

#include "model/errors.h"
#include "model/result.h"
#include "protocol/attribute_value_json.h"
#include "protocol/attribute_value_types.h"
#include "protocol/json_reading.h"
#include "protocol/requests/legacy_parameters.h"

namespace eddy::protocol {
namespace {

bool listed(const std::vector<const char*>& names, const char* name) {
  for (const char* candidate : names) {
    if (std::strcmp(candidate, name) == 0) return true;
  }
  return false;
}

// The request's parameter use, narrowed to the members this operation defines.
RequestParameterUse use_of(const JsonValue& request, const ExpressionUse& members) {
  RequestParameterUse use = request_parameter_use(request);
  auto keep = [&](bool& flag, const char* name, const std::vector<const char*>& allowed) {
    flag = flag && listed(allowed, name);
  };
  keep(use.attributes_to_get, "AttributesToGet", members.legacy);
  keep(use.attribute_updates, "AttributeUpdates", members.legacy);
  keep(use.expected, "Expected", members.legacy);
  keep(use.query_filter, "QueryFilter", members.legacy);
  keep(use.scan_filter, "ScanFilter", members.legacy);
  keep(use.conditional_operator, "ConditionalOperator", members.legacy);
  keep(use.key_conditions, "KeyConditions", members.legacy);
  keep(use.projection_expression, "ProjectionExpression", members.expressions);
  keep(use.update_expression, "UpdateExpression", members.expressions);
  keep(use.condition_expression, "ConditionExpression", members.expressions);
  keep(use.filter_expression, "FilterExpression", members.expressions);
  keep(use.key_condition_expression, "KeyConditionExpression", members.expressions);
  return use;
}

// DynamoDB's placeholder syntax: '#' or ':' followed by one or more of [0-9a-zA-Z_].
bool valid_placeholder(std::string_view key, char prefix) {
  if (key.size() < 2 || key[0] != prefix) return false;
  for (std::size_t i = 1; i < key.size(); ++i) {
    char c = key[i];
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<void> check_expression_use(const JsonValue& request, const ExpressionUse& use) {
  EDDY_TRY_VOID(check_parameter_mix(use_of(request, use)));
  bool any_expression = false;
  std::vector<const char*> value_expressions;
  for (const char* name : use.expressions) {
    if (json_member(request, name) != nullptr) any_expression = true;
    if (std::strcmp(name, "ProjectionExpression") != 0) value_expressions.push_back(name);
  }
  if (json_member(request, "ExpressionAttributeNames") != nullptr && !any_expression) {
    return fail(errors::names_without_expressions());
  }
  if (json_member(request, "ExpressionAttributeValues") == nullptr || value_expressions.empty()) return {};
  std::string missing;
  for (const char* name : value_expressions) {
    if (json_member(request, name) != nullptr) return {};
    missing += (missing.empty() ? "" : " and ") + std::string(name);
  }
  return fail(errors::values_without_expressions(missing + (value_expressions.size() > 1 ? " are null" : " is null")));
}

Result<void> read_expression_attribute_values(const JsonValue* value, std::optional<AttributeMap>& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_map(*value, "AttributeValue"));
  for (auto it = value->MemberBegin(); it != value->MemberEnd(); ++it) {
    if (!it->value.IsNull()) EDDY_TRY_VOID(check_attribute_value_types(it->value));
  }
  AttributeMap values;
  for (auto it = value->MemberBegin(); it != value->MemberEnd(); ++it) {
    auto decoded = decode_attribute_value(it->value);
    if (!decoded && decoded.error().code != ErrorCode::kValidation) return fail(decoded.error());
    if (decoded) {
      values.insert_or_assign(std::string(it->name.GetString(), it->name.GetStringLength()), std::move(*decoded));
    }
  }
  out = std::move(values);
  return {};
}

Result<void> check_expression_attribute_names(const std::optional<AttributeNames>& names) {
  if (!names) return {};
  if (names->empty()) return fail(errors::names_empty());
  for (const auto& [key, name] : *names) {
    if (!valid_placeholder(key, '#')) {
      return validation_error("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
    }
  }
  for (const auto& [key, name] : *names) {
    if (name.empty()) {
      return validation_error("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
    }
  }
  return {};
}

Result<void> check_expression_attribute_values(const JsonValue& request, const std::optional<AttributeMap>& values) {
  if (!values) return {};
  const JsonValue& object = *json_member(request, "ExpressionAttributeValues");
  if (object.MemberCount() == 0) return fail(errors::values_empty());
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    std::string key(it->name.GetString(), it->name.GetStringLength());
    if (!valid_placeholder(key, ':')) {
      return validation_error("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
    }
  }
  // The values left out when read are the ones DynamoDB refuses; decoding one again gives its reason.
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    std::string key(it->name.GetString(), it->name.GetStringLength());
    if (values->count(key) != 0) continue;
    auto decoded = decode_attribute_value(it->value);
    if (!decoded) {
      return validation_error("ExpressionAttributeValues contains invalid value: " + decoded.error().message +
                              " for key " + key);
    }
  }
  return {};
}

}  // namespace eddy::protocol
