// The members of a read's projection — ProjectionExpression with ExpressionAttributeNames, or the
// legacy AttributesToGet — declared once for GetItem, a BatchGetItem table's KeysAndAttributes and a
// TransactGetItems Get, with the checks DynamoDB makes on them before the projection is parsed. These
// requests have no ExpressionAttributeValues member: DynamoDB ignores one sent. A request type R
// using them has fields of these names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/result.h"
#include "protocol/requests/expression_members.h"
#include "protocol/shape.h"

namespace eddy::protocol {

template <typename R>
Members<R> projection_members() {
  return {
      member("ProjectionExpression", &R::projection_expression),
      member("AttributesToGet", &R::attributes_to_get, {length(1)}),
      member("ExpressionAttributeNames", &R::expression_attribute_names),
  };
}

// The mix of ProjectionExpression and AttributesToGet, names without a projection, then the names.
Result<void> check_projection_members(const JsonValue& json, const std::optional<AttributeNames>& names);

}  // namespace eddy::protocol
