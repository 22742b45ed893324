// The functions DynamoDB's expressions know, where each may appear and how many operands it takes.
#pragma once

#include <string_view>

namespace eddy::expr {

enum class FunctionRole {
  kCondition,         // attribute_exists, attribute_not_exists, attribute_type, begins_with, contains
  kConditionOperand,  // size
  kUpdateOperand,     // if_not_exists, list_append
};

struct FunctionInfo {
  std::string_view name;
  FunctionRole role;
  int arity;
};

// nullptr for a name DynamoDB does not know (names are case-sensitive).
const FunctionInfo* find_function(std::string_view name);

}  // namespace eddy::expr
