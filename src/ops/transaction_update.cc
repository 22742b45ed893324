// The Update action of a transaction; see transaction_update.h.
#include "ops/transaction_update.h"

#include "ops/expression_parameters.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<TransactionUpdate> TransactionUpdate::parse(const JsonValue& action, const std::vector<std::string>& key_names) {
  static const ExpressionMembers kMembers{{"UpdateExpression", "ConditionExpression"}, {}};
  if (auto used = check_expression_use(action, kMembers); !used) return fail(used.error());
  auto parameters = ExpressionParameters::read(action);
  if (!parameters) return fail(parameters.error());
  auto update_text = read_string(action, "UpdateExpression");
  if (!update_text) return fail(update_text.error());
  TransactionUpdate parsed;
  auto update = expr::parse_update(update_text->value_or(""), parameters->attributes(), key_names);
  if (!update) return fail(update.error());
  parsed.update_ = std::move(*update);
  // Only ConditionExpression: a transaction's actions have no legacy Expected member.
  if (member(action, "ConditionExpression") != nullptr) {
    auto condition = WriteCondition::parse(action, parameters->attributes());
    if (!condition) return fail(condition.error());
    parsed.condition_ = std::move(*condition);
  }
  if (auto used = parameters->check_all_used(); !used) return fail(used.error());
  return parsed;
}

Result<bool> TransactionUpdate::condition_holds(const std::optional<Item>& current) const {
  return condition_.holds(current);
}

Result<Item> TransactionUpdate::apply(const std::optional<Item>& current, const Item& key) const {
  Item item = current.value_or(key);
  if (auto applied = update_.apply(item); !applied) return fail(applied.error());
  return item;
}

}  // namespace eddy::ops
