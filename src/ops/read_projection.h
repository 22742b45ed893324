// ReadProjection: which attributes a read returns (ProjectionExpression with its
// ExpressionAttributeNames, or the legacy AttributesToGet), parsed once per request.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/requests/expression_members.h"

namespace eddy::ops {

class ReadProjection {
 public:
  // For a request whose only expression is its projection (GetItem, a BatchGetItem table entry,
  // a TransactGetItems Get): the projection, then unused names. The members were checked when the
  // request was read (protocol/requests/projection_members.h).
  static Result<ReadProjection> parse(const std::optional<std::string>& projection_expression,
                                      const std::optional<std::vector<std::string>>& attributes_to_get,
                                      const std::optional<protocol::AttributeNames>& names);
  // The same for a request R whose members have these names.
  template <typename R>
  static Result<ReadProjection> parse_of(const R& request) {
    return parse(request.projection_expression, request.attributes_to_get, request.expression_attribute_names);
  }

  // The item reduced to the projection (the whole item when there is none). Nested paths keep
  // their enclosing maps and lists; an item with none of the attributes becomes empty.
  Item apply(const Item& item) const;
  bool empty() const { return state_ == nullptr; }

  struct State;

 private:
  std::shared_ptr<const State> state_;
};

// ProjectionExpression parsed with `attributes`, or else AttributesToGet; empty when neither.
Result<expr::Projection> parse_projection(const std::optional<std::string>& projection_expression,
                                          const std::optional<std::vector<std::string>>& attributes_to_get,
                                          expr::ExpressionAttributes& attributes);

}  // namespace eddy::ops
