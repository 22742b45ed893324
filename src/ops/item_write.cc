// The single-item write path; see item_write.h.
#include "ops/item_write.h"

#include "model/result.h"
#include "ops/item_validation.h"

namespace eddy::ops {

Result<engine::WriteOutcome> write_put(RequestContext& context, const TableDefinition& table, const Item& item,
                                       WriteCheck check, PutMode mode) {
  Item key = engine::key_of(table.key, item);
  return context.database().write_item(table, key,
                                       [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
                                         if (mode == PutMode::kInsert && current) return fail(duplicate_item());
                                         EDDY_TRY_VOID(check.condition.check(current, check.return_old_on_failure));
                                         return std::optional<Item>(item);
                                       });
}

Result<engine::WriteOutcome> write_update(RequestContext& context, const TableDefinition& table, const Item& key,
                                          const expr::Update& update, WriteCheck check, UpdateRules rules) {
  return context.database().write_item(table, key,
                                       [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
                                         EDDY_TRY_VOID(check.condition.check(current, check.return_old_on_failure));
                                         if (rules.key_attributes_after_condition)
                                           EDDY_TRY_VOID(check_key_attributes_not_updated(table, update));
                                         // Removing from an item that is not there creates nothing (no item, no
                                         // record).
                                         if (!current && update.only_removes()) return std::optional<Item>();
                                         Item item = current.value_or(key);
                                         EDDY_TRY_VOID(update.apply(item));
                                         if (rules.nesting_limit) EDDY_TRY_VOID(validate_updated_nesting(item));
                                         EDDY_TRY_VOID(validate_updated_item(table, item));
                                         return std::optional<Item>(std::move(item));
                                       });
}

Result<engine::WriteOutcome> write_delete(RequestContext& context, const TableDefinition& table, const Item& key,
                                          WriteCheck check) {
  return context.database().write_item(table, key,
                                       [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
                                         EDDY_TRY_VOID(check.condition.check(current, check.return_old_on_failure));
                                         return std::optional<Item>();
                                       });
}

std::optional<Item> updated_attributes(protocol::ReturnValue return_values, const expr::Update& update,
                                       const engine::WriteOutcome& outcome) {
  using protocol::ReturnValue;
  switch (return_values) {
    case ReturnValue::kNone: return std::nullopt;
    case ReturnValue::kAllOld: return outcome.old_item;
    case ReturnValue::kAllNew: return outcome.new_item;
    case ReturnValue::kUpdatedOld:
    case ReturnValue::kUpdatedNew: break;
  }
  const std::optional<Item>& item = return_values == ReturnValue::kUpdatedOld ? outcome.old_item : outcome.new_item;
  if (!item) return std::nullopt;
  return expr::Projection{update.updated_paths()}.apply(*item);
}

ApiError duplicate_item() { return ApiError{ErrorCode::kDuplicateItem, "Duplicate primary key exists in table", {}}; }

}  // namespace eddy::ops
