// A write's condition members; see condition_members.h.
#include "protocol/requests/condition_members.h"

namespace eddy::protocol {

const ExpressionUse& condition_use() {
  static const ExpressionUse use{{"ConditionExpression"}, {"Expected", "ConditionalOperator"}};
  return use;
}

Result<void> check_return_values_all_old_or_none(ReturnValue return_values) {
  if (return_values != ReturnValue::kNone && return_values != ReturnValue::kAllOld) {
    return validation_error("ReturnValues can only be ALL_OLD or NONE");
  }
  return {};
}

}  // namespace eddy::protocol
