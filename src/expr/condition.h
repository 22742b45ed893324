// Internal entry points around parse_condition (declared in expression.h) that the key-condition
// parser and the legacy-parameter translation share.
#pragma once

#include <memory>
#include <string_view>

#include "expr/ast.h"
#include "expr/expression.h"

namespace eddy::expr {

// The parsed, text-checked tree (cached), before placeholders are resolved.
Result<std::shared_ptr<const ConditionTree>> parse_condition_tree(std::string_view text, std::string_view kind);

// A Condition over a tree built in code (already resolved), e.g. from legacy parameters.
Condition condition_from_tree(ConditionTree tree);

}  // namespace eddy::expr
