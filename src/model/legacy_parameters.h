// DynamoDB's legacy (pre-expression) request parameters as plain data: the entries of Expected,
// QueryFilter, ScanFilter and KeyConditions (LegacyCondition) and of AttributeUpdates
// (LegacyAttributeUpdate). protocol/requests/legacy_parameters.h reads them from a request;
// expr/legacy.h translates them into the trees that expressions produce.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/attribute_value.h"

namespace eddy {

enum class LegacyOperator {
  kEq,
  kNe,
  kLe,
  kLt,
  kGe,
  kGt,
  kNotNull,
  kNull,
  kContains,
  kNotContains,
  kBeginsWith,
  kIn,
  kBetween,
};

// "EQ", "NE", ... ; nullopt for any other text.
inline std::optional<LegacyOperator> legacy_operator_from_name(std::string_view name) {
  static constexpr std::string_view kNames[] = {"EQ",          "NE",       "LE",     "LT",       "GE",
                                                "GT",          "NOT_NULL", "NULL",   "CONTAINS", "NOT_CONTAINS",
                                                "BEGINS_WITH", "IN",       "BETWEEN"};
  for (std::size_t i = 0; i < std::size(kNames); ++i) {
    if (name == kNames[i]) return static_cast<LegacyOperator>(i);
  }
  return std::nullopt;
}

// One entry of Expected / QueryFilter / ScanFilter / KeyConditions.
struct LegacyCondition {
  std::string attribute;
  std::optional<LegacyOperator> op;     // ComparisonOperator
  bool has_value_list = false;          // AttributeValueList given
  std::vector<AttributeValue> values;   // AttributeValueList
  std::optional<AttributeValue> value;  // Value (Expected only)
  std::optional<bool> exists;           // Exists (Expected only)
};

// One entry of AttributeUpdates. Action defaults to PUT.
struct LegacyAttributeUpdate {
  enum class Action { kPut, kAdd, kDelete };
  std::string attribute;
  Action action = Action::kPut;
  std::optional<AttributeValue> value;
};

}  // namespace eddy
