// The engine range a Query reads for a key condition (KeyConditionExpression, KeyConditions, or a
// PartiQL SELECT's key conditions), on the table or one of its indexes.
#pragma once

#include "engine/item_range.h"
#include "expr/expression.h"
#include "ops/read_request.h"

namespace eddy::ops {

engine::ItemRange query_range(const ReadRequest& read, const expr::KeyCondition& condition);

}  // namespace eddy::ops
