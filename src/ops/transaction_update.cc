// The Update action of a transaction; see transaction_update.h.
#include "ops/transaction_update.h"

#include "protocol/request_fields.h"

namespace eddy::ops {

Result<TransactionUpdate> TransactionUpdate::parse(const JsonValue& action, const std::vector<std::string>& key_names) {
  TransactionUpdate parsed;
  auto names = read_string_map(action, "ExpressionAttributeNames");
  if (!names) return fail(names.error());
  auto values = read_attribute_map(action, "ExpressionAttributeValues");
  if (!values) return fail(values.error());
  auto update_text = read_string(action, "UpdateExpression");
  if (!update_text) return fail(update_text.error());
  auto condition_text = read_string(action, "ConditionExpression");
  if (!condition_text) return fail(condition_text.error());
  if (*names) parsed.names_ = std::make_shared<const std::map<std::string, std::string>>(std::move(**names));
  if (*values) parsed.values_ = std::make_shared<const AttributeMap>(std::move(**values));
  expr::ExpressionAttributes attributes(parsed.names_.get(), parsed.values_.get());
  auto update = expr::parse_update(update_text->value_or(""), attributes, key_names);
  if (!update) return fail(update.error());
  parsed.update_ = std::move(*update);
  if (*condition_text) {
    auto condition = expr::parse_condition(**condition_text, "ConditionExpression", attributes);
    if (!condition) return fail(condition.error());
    parsed.condition_ = std::move(*condition);
  }
  if (auto used = attributes.check_all_used(); !used) return fail(used.error());
  return parsed;
}

Result<bool> TransactionUpdate::condition_holds(const std::optional<Item>& current) const {
  if (condition_.empty()) return true;
  return condition_.evaluate(current.value_or(Item{}));
}

Result<Item> TransactionUpdate::apply(const std::optional<Item>& current, const Item& key) const {
  Item item = current.value_or(key);
  if (auto applied = update_.apply(item); !applied) return fail(applied.error());
  return item;
}

}  // namespace eddy::ops
