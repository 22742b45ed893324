// Read projections; see read_projection.h.
#include "ops/read_projection.h"

#include "protocol/request_fields.h"

namespace eddy::ops {

struct ReadProjection::State {};

Result<ReadProjection> ReadProjection::parse(const JsonValue& request) {
  if (member(request, "ProjectionExpression") != nullptr || member(request, "AttributesToGet") != nullptr) {
    return validation_error("Projections are not supported yet");
  }
  return ReadProjection{};
}

Item ReadProjection::apply(const Item& item) const { return item; }

}  // namespace eddy::ops
