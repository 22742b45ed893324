// The expr::ExpressionAttributes of a request: its ExpressionAttributeNames and
// ExpressionAttributeValues, which every expression of the request is parsed with, so that the
// unused-placeholder check (check_all_used) sees them all. The request must outlive them.
#pragma once

#include <optional>

#include "expr/expression.h"
#include "model/attribute_value.h"
#include "protocol/requests/expression_members.h"

namespace eddy::ops {

inline expr::ExpressionAttributes expression_attributes(const std::optional<protocol::AttributeNames>& names,
                                                        const std::optional<AttributeMap>& values) {
  return expr::ExpressionAttributes(names ? &*names : nullptr, values ? &*values : nullptr);
}

}  // namespace eddy::ops
