// TransactWriteItems: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
// Up to 100 ConditionCheck/Put/Delete/Update actions over several tables, all or nothing. The
// actions' items are claimed (a second transaction naming one is cancelled with
// TransactionConflict), then locked, read, decided and committed in one atomic write by the
// engine's write path. How isolation, conflicts and ClientRequestToken work: docs/transactions.md.
#include <set>

#include "model/errors.h"
#include "model/result.h"
#include "ops/batch_response.h"
#include "ops/expression_attributes.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/transaction_cancellation.h"
#include "ops/transaction_commit.h"
#include "ops/transaction_update.h"
#include "ops/write_condition.h"

namespace eddy::ops {
namespace {

using p::TransactActionKind;

// The conditions of the ConditionCheck, Put and Delete actions, parsed before any table is looked up.
Result<std::vector<TransactionAction>> parse_actions(const p::TransactWriteItemsRequest& request) {
  std::vector<TransactionAction> actions;
  for (const auto& entry : request.transact_items) {
    TransactionAction action;
    const p::TransactWriteAction& sent = entry.action();
    action.kind = entry.kind();
    action.item = sent.item;
    action.key = sent.key;
    action.return_old_on_failure =
        sent.return_values_on_condition_check_failure == p::ReturnValuesOnConditionCheckFailure::kAllOld;
    if (action.kind != TransactActionKind::kUpdate) {
      expr::ExpressionAttributes attributes =
          expression_attributes(sent.expression_attribute_names, sent.expression_attribute_values);
      EDDY_TRY(action.condition, WriteCondition::parse_of(sent, attributes));
      EDDY_TRY_VOID(attributes.check_all_used());
    }
    actions.push_back(std::move(action));
  }
  return actions;
}

// Finds each action's table, refuses empty key values outright, checks each key or item (other
// failures are ValidationError reasons, as DynamoDB reports them), parses Update expressions and refuses an item named twice.
Result<void> resolve_actions(RequestContext& context, const p::TransactWriteItemsRequest& request,
                             std::vector<TransactionAction>& actions) {
  for (std::size_t i = 0; i < actions.size(); ++i) {
    EDDY_TRY(actions[i].table, find_table(context, request.transact_items[i].action().table_name));
  }
  for (auto& action : actions) {
    bool put = action.kind == TransactActionKind::kPut;
    EDDY_TRY_VOID(check_empty_key_values(*action.table, put ? action.item : action.key, put));
  }
  std::vector<CancellationReason> reasons(actions.size());
  bool invalid = false;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    auto& action = actions[i];
    const TableDefinition& table = *action.table;
    bool put = action.kind == TransactActionKind::kPut;
    if (put) action.key = engine::key_of(table.key, action.item);
    auto valid = put ? validate_item(table, action.item) : validate_key(table, action.key);
    if (valid && put) valid = validate_key(table, action.key);
    if (!valid) {
      reasons[i] = cancellation_reason(valid.error(), std::nullopt, false);
      invalid = true;
      continue;
    }
    action.item_key = engine::item_id(table, action.key);
    if (!seen.insert(action.item_key).second) return fail(errors::item_in_several_transaction_actions());
    if (action.kind == TransactActionKind::kUpdate) {
      EDDY_TRY(action.update,
               TransactionUpdate::parse(request.transact_items[i].action(), table.key.attribute_names()));
    }
  }
  if (invalid) return fail(transaction_canceled(reasons));
  return {};
}

std::string success_response(const p::TransactWriteItemsRequest& request, const std::vector<TransactionAction>& actions,
                             const engine::Database::MultiOutcome& outcome) {
  CapacityTotals capacity;
  ItemCollectionMetrics metrics;
  bool want_metrics = request.return_item_collection_metrics == p::ReturnItemCollectionMetrics::kSize;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const auto& action = actions[i];
    const auto& result = outcome.outcomes[i];
    bool check = action.kind == TransactActionKind::kConditionCheck;
    // Every transactional write (and condition check) costs twice a plain write: prepare and commit.
    capacity.add(write_capacity(*action.table, result.old_item, check ? result.old_item : result.new_item), 2);
    if (want_metrics && !check) metrics.add(*action.table, action.key, result);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  capacity.write(writer, request.return_consumed_capacity);
  metrics.write(writer);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::string> transact_write_items(RequestContext& context, const p::TransactWriteItemsRequest& request) {
  EDDY_TRY(std::vector<TransactionAction> actions, parse_actions(request));
  EDDY_TRY_VOID(resolve_actions(context, request, actions));
  return with_client_request_token(
      context, request.client_request_token, request.fingerprint, [&]() -> Result<std::string> {
        EDDY_TRY(engine::Database::MultiOutcome outcome, commit_transaction(context, actions));
        return success_response(request, actions, outcome);
      });
}

}  // namespace eddy::ops
