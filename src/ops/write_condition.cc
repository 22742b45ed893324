// Conditional-write checks; see write_condition.h.
#include "ops/write_condition.h"

#include "protocol/attribute_value_json.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

struct WriteCondition::State {};

Result<WriteCondition> WriteCondition::parse(const JsonValue& request, const std::vector<std::string>&) {
  if (member(request, "ConditionExpression") != nullptr || member(request, "Expected") != nullptr) {
    return validation_error("Conditional writes are not supported yet");
  }
  return WriteCondition{};
}

Result<void> WriteCondition::check(const std::optional<Item>& current, bool return_old) const { return {}; }

ApiError condition_failed(const std::optional<Item>& current, bool return_old) {
  ApiError error{ErrorCode::kConditionalCheckFailed, "The conditional request failed", {}};
  if (return_old && current) error.extra_json = "\"Item\":" + attribute_map_to_json(*current);
  return error;
}

}  // namespace eddy::ops
