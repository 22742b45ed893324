// TransactionUpdate: the Update action of TransactWriteItems (UpdateExpression, an optional
// ConditionExpression, and their shared ExpressionAttributeNames/Values), parsed with the
// expression engine once the table's key attributes are known, and applied under the item's lock.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::ops {

class TransactionUpdate {
 public:
  // Parses the action's expressions; `key_names` are the table's key attributes (not updatable).
  static Result<TransactionUpdate> parse(const JsonValue& action, const std::vector<std::string>& key_names);
  // True when the ConditionExpression (if any) holds for `current` (nullopt: no item).
  Result<bool> condition_holds(const std::optional<Item>& current) const;
  // The item after the update: `current`, or `key` when there is none, with the update applied.
  Result<Item> apply(const std::optional<Item>& current, const Item& key) const;

 private:
  // The placeholders' maps outlive the parsed trees that were resolved against them.
  std::shared_ptr<const std::map<std::string, std::string>> names_;
  std::shared_ptr<const AttributeMap> values_;
  expr::Update update_;
  expr::Condition condition_;
};

}  // namespace eddy::ops
