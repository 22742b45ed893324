// ReadProjection: which attributes a read returns (ProjectionExpression with its
// ExpressionAttributeNames, or the legacy AttributesToGet), parsed once per request.
#pragma once

#include <memory>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::ops {

class ReadProjection {
 public:
  // For a request whose only expression is its projection (GetItem, a BatchGetItem table entry,
  // a TransactGetItems Get): the mix of ProjectionExpression and AttributesToGet, names without
  // a projection, the names' syntax, the projection, then unused names, in DynamoDB's order.
  // ExpressionAttributeValues is not a member of these requests and is ignored.
  static Result<ReadProjection> parse(const JsonValue& request);
  // For a request with other expressions too (Query, Scan): only the projection, resolved with the
  // request's shared `attributes`; the caller makes the other checks (expression_parameters.h).
  static Result<ReadProjection> parse(const JsonValue& request, expr::ExpressionAttributes& attributes);

  // The item reduced to the projection (the whole item when there is none). Nested paths keep
  // their enclosing maps and lists; an item with none of the attributes becomes empty.
  Item apply(const Item& item) const;
  bool empty() const { return state_ == nullptr; }
  // The projected document paths (empty when there is no projection).
  const expr::Projection& projection() const;

  struct State;

 private:
  std::shared_ptr<const State> state_;
};

}  // namespace eddy::ops
