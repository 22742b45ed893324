// Conditional-write checks; see write_condition.h.
#include "ops/write_condition.h"

#include "ops/expression_parameters.h"
#include "protocol/attribute_value_json.h"
#include "protocol/legacy_parameters.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

struct WriteCondition::State {
  expr::Condition condition;
};

Result<WriteCondition> WriteCondition::parse(const JsonValue& request, const std::vector<std::string>&) {
  static const ExpressionMembers kMembers{{"ConditionExpression"}, {"Expected", "ConditionalOperator"}};
  if (auto used = check_expression_use(request, kMembers); !used) return fail(used.error());
  auto parameters = ExpressionParameters::read(request);
  if (!parameters) return fail(parameters.error());
  auto condition = parse(request, parameters->attributes());
  if (!condition) return fail(condition.error());
  if (auto all_used = parameters->check_all_used(); !all_used) return fail(all_used.error());
  return condition;
}

Result<WriteCondition> WriteCondition::parse(const JsonValue& request, expr::ExpressionAttributes& attributes) {
  auto text = read_string(request, "ConditionExpression");
  if (!text) return fail(text.error());
  expr::Condition condition;
  if (*text) {
    auto parsed = expr::parse_condition(**text, "ConditionExpression", attributes);
    if (!parsed) return fail(parsed.error());
    condition = std::move(*parsed);
  } else {
    // Also refuses a ConditionalOperator without Expected, as DynamoDB does.
    auto legacy = legacy_expected(request);
    if (!legacy) return fail(legacy.error());
    condition = std::move(*legacy);
  }
  WriteCondition parsed;
  if (!condition.empty()) parsed.state_ = std::make_shared<const State>(State{std::move(condition)});
  return parsed;
}

Result<bool> WriteCondition::holds(const std::optional<Item>& current) const {
  if (state_ == nullptr) return true;
  static const Item kAbsent;
  return state_->condition.evaluate(current ? *current : kAbsent);
}

Result<void> WriteCondition::check(const std::optional<Item>& current, bool return_old) const {
  auto held = holds(current);
  if (!held) return fail(held.error());
  if (!*held) return fail(condition_failed(current, return_old));
  return {};
}

ApiError condition_failed(const std::optional<Item>& current, bool return_old) {
  ApiError error{ErrorCode::kConditionalCheckFailed, "The conditional request failed", {}};
  if (return_old && current) error.extra_json = "\"Item\":" + attribute_map_to_json(*current);
  return error;
}

}  // namespace eddy::ops
