// Conditional-write checks; see write_condition.h.
#include "ops/write_condition.h"

#include "expr/legacy.h"
#include "model/result.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {

struct WriteCondition::State {
  expr::Condition condition;
};

Result<WriteCondition> WriteCondition::parse(const std::optional<std::string>& expression,
                                             const std::optional<std::vector<LegacyCondition>>& expected,
                                             const std::optional<std::string>& conditional_operator,
                                             expr::ExpressionAttributes& attributes) {
  expr::Condition condition;
  if (expression) {
    EDDY_TRY(condition, expr::parse_condition(*expression, "ConditionExpression", attributes));
  } else if (expected) {
    EDDY_TRY(condition, expr::legacy_condition(*expected, conditional_operator == "OR", true));
  }
  return of(std::move(condition));
}

WriteCondition WriteCondition::of(expr::Condition condition) {
  WriteCondition parsed;
  if (!condition.empty()) parsed.state_ = std::make_shared<const State>(State{std::move(condition)});
  return parsed;
}

Result<bool> WriteCondition::holds(const std::optional<Item>& current) const {
  if (state_ == nullptr) return true;
  static const Item absent;
  return state_->condition.evaluate(current ? *current : absent);
}

Result<void> WriteCondition::check(const std::optional<Item>& current, bool return_old) const {
  EDDY_TRY(bool held, holds(current));
  if (!held) return fail(condition_failed(current, return_old));
  return {};
}

ApiError condition_failed(const std::optional<Item>& current, bool return_old) {
  ApiError error{ErrorCode::kConditionalCheckFailed, "The conditional request failed", {}};
  if (return_old && current) error.extra_json = "\"Item\":" + attribute_map_to_json(*current);
  return error;
}

}  // namespace eddy::ops
