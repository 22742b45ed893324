// TransactionUpdate: the Update action of TransactWriteItems (UpdateExpression, an optional
// ConditionExpression, and their shared ExpressionAttributeNames/Values), parsed with UpdateItem's
// checks once the table's key attributes are known, and applied under the item's lock. The
// action's members were checked when the request was read (protocol/requests/transact_write_items.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "ops/write_condition.h"
#include "protocol/requests/transact_write_items.h"

namespace eddy::ops {

class TransactionUpdate {
 public:
  // Parses the action's expressions; `key_names` are the table's key attributes (not updatable).
  static Result<TransactionUpdate> parse(const protocol::TransactWriteAction& action,
                                         const std::vector<std::string>& key_names);
  // An update and its condition already parsed (PartiQL's UPDATE in ExecuteTransaction).
  static TransactionUpdate of(expr::Update update, WriteCondition condition);
  const expr::Update& update() const { return update_; }
  // True when the ConditionExpression (if any) holds for `current` (nullopt: no item).
  Result<bool> condition_holds(const std::optional<Item>& current) const;
  // The item after the update: `current`, or `key` when there is none, with the update applied;
  // nullopt when there is none and the update only removes (nothing is created).
  Result<std::optional<Item>> apply(const std::optional<Item>& current, const Item& key) const;

 private:
  expr::Update update_;
  WriteCondition condition_;
};

}  // namespace eddy::ops
