// The table of DynamoDB's expression functions.
#include "expr/functions.h"

#include <array>

namespace eddy::expr {
namespace {

constexpr std::array<FunctionInfo, 8> kFunctions = {{
    {"attribute_exists", FunctionRole::kCondition, 1},
    {"attribute_not_exists", FunctionRole::kCondition, 1},
    {"attribute_type", FunctionRole::kCondition, 2},
    {"begins_with", FunctionRole::kCondition, 2},
    {"contains", FunctionRole::kCondition, 2},
    {"size", FunctionRole::kConditionOperand, 1},
    {"if_not_exists", FunctionRole::kUpdateOperand, 2},
    {"list_append", FunctionRole::kUpdateOperand, 2},
}};

}  // namespace

const FunctionInfo* find_function(std::string_view name) {
  for (const FunctionInfo& info : kFunctions) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

}  // namespace eddy::expr
