// The legacy (pre-expression) request parameters: Expected, ConditionalOperator, QueryFilter,
// ScanFilter, KeyConditions, AttributeUpdates and AttributesToGet. Decodes them from the request
// JSON and translates them (through expr/legacy.h) into the same Condition, Update, Projection
// and KeyCondition that expressions produce. Also DynamoDB's refusal to mix both styles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "expr/legacy.h"
#include "model/api_error.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

namespace eddy {

// Which legacy and expression parameters a request carried (present and not null).
struct RequestParameterUse {
  bool attributes_to_get = false;
  bool attribute_updates = false;
  bool expected = false;
  bool query_filter = false;
  bool scan_filter = false;
  bool conditional_operator = false;
  bool key_conditions = false;
  bool projection_expression = false;
  bool update_expression = false;
  bool condition_expression = false;
  bool filter_expression = false;
  bool key_condition_expression = false;
};

// Fills RequestParameterUse from a request object's members.
RequestParameterUse request_parameter_use(const JsonValue& request);

// ValidationException when both styles are present: "Can not use both expression and
// non-expression parameters in the same request: Non-expression parameters: {Expected}
// Expression parameters: {ConditionExpression}" (names in DynamoDB's fixed order).
Result<void> check_parameter_mix(const RequestParameterUse& use);

// Decodes a map of attribute name -> {ComparisonOperator, AttributeValueList[, Value, Exists]}
// (Expected, QueryFilter, ScanFilter, KeyConditions), in the order given.
Result<std::vector<expr::LegacyCondition>> decode_legacy_conditions(const JsonValue& conditions, const char* field);

// Decodes AttributeUpdates: attribute name -> {Action, Value}.
Result<std::vector<expr::LegacyAttributeUpdate>> decode_attribute_updates(const JsonValue& updates);

// Whether ConditionalOperator (if any) asks for OR, checking it against the number of conditions:
// "ConditionalOperator cannot be used without Filter or Expected" / "ConditionalOperator can only
// be used when Filter or Expected has two or more elements".
Result<bool> conditional_operator_is_or(const JsonValue& request, std::size_t condition_count);

// Request-level translation. These are inline so that the protocol library does not link the
// expression engine (the layers depend on the model only); callers link both.
//
// Expected (+ ConditionalOperator) of `request` as a Condition; empty when absent.
inline Result<expr::Condition> legacy_expected(const JsonValue& request);
// QueryFilter or ScanFilter (`field`) of `request` as a Condition; empty when absent. Filters on
// key attributes are refused for QueryFilter ("QueryFilter can only contain non-primary key
// attributes: Primary key attribute: sk").
inline Result<expr::Condition> legacy_filter(const JsonValue& request, const char* field,
                                      const std::vector<std::string>& key_attribute_names);
// KeyConditions of `request` checked against the key schema.
inline Result<expr::KeyCondition> legacy_key_conditions(const JsonValue& request,
                                                 const std::vector<std::string>& partition_key_names,
                                                 const std::vector<std::string>& sort_key_names);
// AttributeUpdates of `request` as an Update; empty when absent.
inline Result<expr::Update> legacy_attribute_updates(const JsonValue& request,
                                              const std::vector<std::string>& key_attribute_names);
// AttributesToGet of `request` as a Projection; empty when absent.
inline Result<expr::Projection> legacy_attributes_to_get(const JsonValue& request);

// The decoded conditions of `field`, none when absent.
inline Result<std::vector<expr::LegacyCondition>> legacy_conditions_of(const JsonValue& request, const char* field) {
  const JsonValue* json = member(request, field);
  if (json == nullptr) return std::vector<expr::LegacyCondition>{};
  return decode_legacy_conditions(*json, field);
}

inline Result<expr::Condition> legacy_expected(const JsonValue& request) {
  auto conditions = legacy_conditions_of(request, "Expected");
  if (!conditions) return fail(conditions.error());
  auto use_or = conditional_operator_is_or(request, conditions->size());
  if (!use_or) return fail(use_or.error());
  return expr::legacy_condition(*conditions, *use_or, true);
}

inline Result<expr::Condition> legacy_filter(const JsonValue& request, const char* field,
                                      const std::vector<std::string>& key_attribute_names) {
  auto conditions = legacy_conditions_of(request, field);
  if (!conditions) return fail(conditions.error());
  auto use_or = conditional_operator_is_or(request, conditions->size());
  if (!use_or) return fail(use_or.error());
  if (std::string_view(field) == "QueryFilter") {
    for (const expr::LegacyCondition& c : *conditions) {
      for (const std::string& key : key_attribute_names) {
        if (c.attribute == key) {
          return validation_error("QueryFilter can only contain non-primary key attributes: Primary key attribute: " + key);
        }
      }
    }
  }
  return expr::legacy_condition(*conditions, *use_or, false);
}

inline Result<expr::KeyCondition> legacy_key_conditions(const JsonValue& request,
                                                 const std::vector<std::string>& partition_key_names,
                                                 const std::vector<std::string>& sort_key_names) {
  auto conditions = legacy_conditions_of(request, "KeyConditions");
  if (!conditions) return fail(conditions.error());
  return expr::legacy_key_condition(*conditions, partition_key_names, sort_key_names);
}

inline Result<expr::Update> legacy_attribute_updates(const JsonValue& request,
                                              const std::vector<std::string>& key_attribute_names) {
  const JsonValue* json = member(request, "AttributeUpdates");
  if (json == nullptr) return expr::Update();
  auto updates = decode_attribute_updates(*json);
  if (!updates) return fail(updates.error());
  return expr::legacy_update(*updates, key_attribute_names);
}

inline Result<expr::Projection> legacy_attributes_to_get(const JsonValue& request) {
  auto names = read_string_list(request, "AttributesToGet");
  if (!names) return fail(names.error());
  if (!*names) return expr::Projection{};
  return expr::legacy_projection(**names);
}

}  // namespace eddy
