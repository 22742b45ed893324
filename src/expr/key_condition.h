// Key-condition helpers beyond parse_key_condition (declared in expression.h).
#pragma once

#include <map>
#include <string>

#include "expr/expression.h"

namespace eddy::expr {

// ValidationException "One or more parameter values were invalid: Condition parameter type does
// not match schema type" when a key condition's value has another type than the key attribute's
// declared type (from AttributeDefinitions). Attributes missing from `key_types` are not checked.
Result<void> check_key_condition_types(const KeyCondition& condition,
                                       const std::map<std::string, AttributeType>& key_types);

}  // namespace eddy::expr
