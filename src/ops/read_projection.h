// ReadProjection: which attributes a read returns (ProjectionExpression with its
// ExpressionAttributeNames, or the legacy AttributesToGet), parsed once per request.
#pragma once

#include <memory>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::ops {

class ReadProjection {
 public:
  static Result<ReadProjection> parse(const JsonValue& request);
  // The item reduced to the projection (the whole item when there is none).
  Item apply(const Item& item) const;
  bool empty() const { return state_ == nullptr; }

  struct State;

 private:
  std::shared_ptr<const State> state_;
};

}  // namespace eddy::ops
