// A request's expression placeholders and DynamoDB's checks on them; see expression_parameters.h.
#include "ops/expression_parameters.h"

#include <cstring>

#include "protocol/attribute_value_json.h"
#include "protocol/legacy_parameters.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

bool listed(const std::vector<const char*>& names, const char* name) {
  for (const char* candidate : names) {
    if (std::strcmp(candidate, name) == 0) return true;
  }
  return false;
}

// The request's parameter use, narrowed to the members this operation accepts (DynamoDB ignores
// members an operation does not define).
RequestParameterUse use_of(const JsonValue& request, const ExpressionMembers& members) {
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
bool valid_placeholder(const std::string& key, char prefix) {
  if (key.size() < 2 || key[0] != prefix) return false;
  for (std::size_t i = 1; i < key.size(); ++i) {
    char c = key[i];
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!ok) return false;
  }
  return true;
}

Result<std::unique_ptr<const std::map<std::string, std::string>>> read_names(const JsonValue& request) {
  auto names = read_string_map(request, "ExpressionAttributeNames");
  if (!names) return fail(names.error());
  if (!*names) return nullptr;
  if ((*names)->empty()) return validation_error("ExpressionAttributeNames must not be empty");
  for (const auto& [key, name] : **names) {
    if (!valid_placeholder(key, '#')) {
      return validation_error("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
    }
  }
  for (const auto& [key, name] : **names) {
    if (name.empty()) {
      return validation_error("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
    }
  }
  return std::make_unique<const std::map<std::string, std::string>>(std::move(**names));
}

// Values are decoded here rather than with read_attribute_map so that an invalid one is reported
// with its key, after the keys' syntax, as DynamoDB does.
Result<std::unique_ptr<const AttributeMap>> read_values(const JsonValue& request) {
  auto object = read_object(request, "ExpressionAttributeValues");
  if (!object) return fail(object.error());
  if (*object == nullptr) return nullptr;
  if ((*object)->MemberCount() == 0) return validation_error("ExpressionAttributeValues must not be empty");
  for (auto it = (*object)->MemberBegin(); it != (*object)->MemberEnd(); ++it) {
    std::string key(it->name.GetString(), it->name.GetStringLength());
    if (!valid_placeholder(key, ':')) {
      return validation_error("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
    }
  }
  auto values = std::make_unique<AttributeMap>();
  for (auto it = (*object)->MemberBegin(); it != (*object)->MemberEnd(); ++it) {
    std::string key(it->name.GetString(), it->name.GetStringLength());
    auto value = decode_attribute_value(it->value);
    if (!value) {
      if (value.error().code != ErrorCode::kValidation) return fail(value.error());
      return validation_error("ExpressionAttributeValues contains invalid value: " + value.error().message +
                              " for key " + key);
    }
    (*values)[key] = std::move(*value);
  }
  return std::unique_ptr<const AttributeMap>(std::move(values));
}

}  // namespace

Result<void> check_expression_use(const JsonValue& request, const ExpressionMembers& members) {
  if (auto mixed = check_parameter_mix(use_of(request, members)); !mixed) return mixed;
  bool any_expression = false;
  std::vector<const char*> value_expressions;
  for (const char* name : members.expressions) {
    if (member(request, name) != nullptr) any_expression = true;
    if (std::strcmp(name, "ProjectionExpression") != 0) value_expressions.push_back(name);
  }
  if (member(request, "ExpressionAttributeNames") != nullptr && !any_expression) {
    return validation_error("ExpressionAttributeNames can only be specified when using expressions");
  }
  if (member(request, "ExpressionAttributeValues") == nullptr || value_expressions.empty()) return {};
  std::string missing;
  for (const char* name : value_expressions) {
    if (member(request, name) != nullptr) return {};
    missing += (missing.empty() ? "" : " and ") + std::string(name);
  }
  return validation_error("ExpressionAttributeValues can only be specified when using expressions: " + missing +
                          (value_expressions.size() > 1 ? " are null" : " is null"));
}

Result<ExpressionParameters> ExpressionParameters::read(const JsonValue& request, bool read_values_member) {
  ExpressionParameters parameters;
  auto names = read_names(request);
  if (!names) return fail(names.error());
  parameters.names_ = std::move(*names);
  if (read_values_member) {
    auto values = read_values(request);
    if (!values) return fail(values.error());
    parameters.values_ = std::move(*values);
  }
  parameters.attributes_ = std::make_unique<expr::ExpressionAttributes>(parameters.names_.get(),
                                                                         parameters.values_.get());
  return parameters;
}

}  // namespace eddy::ops
