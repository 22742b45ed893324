// A read's projection members; see projection_members.h.
#include "protocol/requests/projection_members.h"

namespace eddy::protocol {

Result<void> check_projection_members(const JsonValue& json, const std::optional<AttributeNames>& names) {
  static const ExpressionUse use{{"ProjectionExpression"}, {"AttributesToGet"}};
  EDDY_TRY_VOID(check_expression_use(json, use));
  return check_expression_attribute_names(names);
}

}  // namespace eddy::protocol
