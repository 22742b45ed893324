// The Update action of a transaction; see transaction_update.h.
#include "ops/transaction_update.h"

#include "model/result.h"
#include "ops/expression_attributes.h"

namespace eddy::ops {

Result<TransactionUpdate> TransactionUpdate::parse(const protocol::TransactWriteAction& action,
                                                   const std::vector<std::string>& key_names) {
  expr::ExpressionAttributes attributes =
      expression_attributes(action.expression_attribute_names, action.expression_attribute_values);
  TransactionUpdate parsed;
  EDDY_TRY(parsed.update_, expr::parse_update(action.update_expression.value_or(""), attributes, key_names));
  // Only ConditionExpression: a transaction's Update has no legacy Expected member.
  EDDY_TRY(parsed.condition_,
           WriteCondition::parse(action.condition_expression, std::nullopt, std::nullopt, attributes));
  EDDY_TRY_VOID(attributes.check_all_used());
  return parsed;
}

TransactionUpdate TransactionUpdate::of(expr::Update update, WriteCondition condition) {
  TransactionUpdate built;
  built.update_ = std::move(update);
  built.condition_ = std::move(condition);
  return built;
}

Result<bool> TransactionUpdate::condition_holds(const std::optional<Item>& current) const {
  return condition_.holds(current);
}

Result<std::optional<Item>> TransactionUpdate::apply(const std::optional<Item>& current, const Item& key) const {
  if (!current && update_.only_removes()) return std::optional<Item>();
  Item item = current.value_or(key);
  EDDY_TRY_VOID(update_.apply(item));
  return std::optional<Item>(std::move(item));
}

}  // namespace eddy::ops
