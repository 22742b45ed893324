// The checks DynamoDB makes on a parsed tree before it looks at placeholders: reserved words used
// as bare names, list indexes out of range, unknown functions and functions used where they are
// not allowed. They depend on the text alone, so a cached tree has passed them already.
#pragma once

#include <optional>
#include <string>

#include "expr/ast.h"

namespace eddy::expr {

// Each returns the first problem in DynamoDB's order (a pre-order walk), as the message without
// the "Invalid XExpression: " prefix, or nullopt.
std::optional<std::string> check_condition_text(const ConditionTree& tree);
std::optional<std::string> check_update_text(const UpdateTree& tree);
std::optional<std::string> check_projection_text(const ProjectionTree& tree);

}  // namespace eddy::expr
