// TransactItems' count rules, shared by TransactGetItems and TransactWriteItems: required, 1 to 100
// actions; when the count is wrong the actions themselves are not checked.
#pragma once

#include <vector>

#include "protocol/shape.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxTransactionActions = 100;

inline std::vector<Constraint> transact_items_constraints() { return {required(), length(1, kMaxTransactionActions)}; }

}  // namespace eddy::protocol
