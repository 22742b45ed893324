// DynamoDB's legacy (pre-expression) parameters as plain data, and their translation into the
// same Condition, Update, Projection and KeyCondition the expressions produce:
//   Expected, QueryFilter, ScanFilter, KeyConditions -> LegacyCondition
//   AttributeUpdates                                 -> LegacyAttributeUpdate
//   AttributesToGet                                  -> attribute names
// Decoding them from JSON lives in protocol/legacy_parameters.h; the checks on their content,
// with DynamoDB's messages, live here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/attribute_value.h"

namespace eddy::expr {

enum class LegacyOperator {
  kEq, kNe, kLe, kLt, kGe, kGt, kNotNull, kNull, kContains, kNotContains, kBeginsWith, kIn, kBetween,
};

// One entry of Expected / QueryFilter / ScanFilter / KeyConditions.
struct LegacyCondition {
  std::string attribute;
  std::optional<LegacyOperator> op;             // ComparisonOperator
  bool has_value_list = false;                  // AttributeValueList given
  std::vector<AttributeValue> values;           // AttributeValueList
  std::optional<AttributeValue> value;          // Value (Expected only)
  std::optional<bool> exists;                   // Exists (Expected only)
};

// Parses "EQ", "NE", ... ; nullopt for any other text. Inline: the protocol layer decodes with it
// without linking the expression engine.
inline std::optional<LegacyOperator> legacy_operator_from_name(const std::string& name) {
  static const char* const kNames[] = {"EQ", "NE", "LE", "LT", "GE", "GT", "NOT_NULL", "NULL", "CONTAINS",
                                       "NOT_CONTAINS", "BEGINS_WITH", "IN", "BETWEEN"};
  for (std::size_t i = 0; i < sizeof(kNames) / sizeof(kNames[0]); ++i) {
    if (name == kNames[i]) return static_cast<LegacyOperator>(i);
  }
  return std::nullopt;
}

// Expected (expected = true) or QueryFilter/ScanFilter: the conditions joined by AND, or by OR
// when `use_or` (ConditionalOperator OR). ValidationException with DynamoDB's texts, e.g.
// "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN
// ComparisonOperator".
Result<Condition> legacy_condition(const std::vector<LegacyCondition>& conditions, bool use_or, bool expected);

// KeyConditions against the key schema (one partition and at most one sort attribute).
Result<KeyCondition> legacy_key_condition(const std::vector<LegacyCondition>& conditions,
                                          const std::vector<std::string>& partition_key_names,
                                          const std::vector<std::string>& sort_key_names);

// One entry of AttributeUpdates. Action defaults to PUT.
struct LegacyAttributeUpdate {
  enum class Action { kPut, kAdd, kDelete };
  std::string attribute;
  Action action = Action::kPut;
  std::optional<AttributeValue> value;
};

// AttributeUpdates as an Update ("Cannot update attribute pk. This attribute is part of the key",
// "Only DELETE action is allowed when no attribute value is specified", ...). ADD of a list
// appends to it, as DynamoDB does for AttributeUpdates.
Result<Update> legacy_update(const std::vector<LegacyAttributeUpdate>& updates,
                             const std::vector<std::string>& key_attribute_names);

// AttributesToGet as a Projection of top-level attributes ("Cannot have two attributes with the
// same name"). An empty list projects nothing away (the whole item).
Result<Projection> legacy_projection(const std::vector<std::string>& attributes_to_get);

}  // namespace eddy::expr
