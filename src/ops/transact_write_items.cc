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
#include "ops/transaction_update.h"
#include "ops/write_condition.h"

namespace eddy::ops {
namespace {

using p::TransactActionKind;

// One action as the commit path needs it, resolved against its table.
struct Action {
  TransactActionKind kind = TransactActionKind::kPut;
  const p::TransactWriteAction* request = nullptr;
  Item key;                                 // derived from the item for a Put
  WriteCondition condition;                 // ConditionCheck, Put, Delete
  std::optional<TransactionUpdate> update;  // Update, once its table is known
  bool return_old_on_failure = false;       // ReturnValuesOnConditionCheckFailure ALL_OLD
  engine::TablePtr table;
  std::string item_key;  // the RocksDB key, once the key is validated
};

// The conditions of the ConditionCheck, Put and Delete actions, parsed before any table is looked up.
Result<std::vector<Action>> parse_actions(const p::TransactWriteItemsRequest& request) {
  std::vector<Action> actions;
  for (const auto& entry : request.transact_items) {
    Action action;
    action.kind = entry.kind();
    action.request = &entry.action();
    action.return_old_on_failure = action.request->return_values_on_condition_check_failure ==
                                   p::ReturnValuesOnConditionCheckFailure::kAllOld;
    if (action.kind != TransactActionKind::kUpdate) {
      expr::ExpressionAttributes attributes = expression_attributes(action.request->expression_attribute_names,
                                                                    action.request->expression_attribute_values);
      EDDY_TRY(action.condition, WriteCondition::parse_of(*action.request, attributes));
      EDDY_TRY_VOID(attributes.check_all_used());
    }
    actions.push_back(std::move(action));
  }
  return actions;
}

// Finds each action's table, checks its key or item (failures are ValidationError reasons, as
// DynamoDB reports them), parses Update expressions and refuses an item named twice.
Result<void> resolve_actions(RequestContext& context, std::vector<Action>& actions) {
  for (auto& action : actions) {
    EDDY_TRY(action.table, find_table(context, action.request->table_name));
  }
  std::vector<CancellationReason> reasons(actions.size());
  bool invalid = false;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    auto& action = actions[i];
    const TableDefinition& table = *action.table;
    bool put = action.kind == TransactActionKind::kPut;
    action.key = put ? engine::key_of(table.key, action.request->item) : action.request->key;
    auto valid = put ? validate_item(table, action.request->item) : validate_key(table, action.key);
    if (valid && put) valid = validate_key(table, action.key);
    if (!valid) {
      reasons[i] = cancellation_reason(valid.error(), std::nullopt, false);
      invalid = true;
      continue;
    }
    action.item_key = engine::item_id(table, action.key);
    if (!seen.insert(action.item_key).second) return fail(errors::item_in_several_transaction_actions());
    if (action.kind == TransactActionKind::kUpdate) {
      EDDY_TRY(action.update, TransactionUpdate::parse(*action.request, table.key.attribute_names()));
    }
  }
  if (invalid) return fail(transaction_canceled(reasons));
  return {};
}

// What an action does to its item, run under the item's lock.
engine::Mutator mutator_for(const Action& action) {
  return [&action](const std::optional<Item>& current) -> Result<std::optional<Item>> {
    bool return_old = action.return_old_on_failure;
    if (action.kind == TransactActionKind::kUpdate) {
      EDDY_TRY(bool holds, action.update->condition_holds(current));
      if (!holds) return fail(condition_failed(current, return_old));
      EDDY_TRY(std::optional<Item> result, action.update->apply(current, action.key));
      if (!result) return result;
      Item& updated = *result;
      EDDY_TRY_VOID(validate_updated_nesting(updated));
      if (item_size(updated) > kMaxItemBytes) return fail(errors::updated_item_too_large());
      EDDY_TRY_VOID(validate_item(*action.table, updated));
      return result;
    }
    EDDY_TRY_VOID(action.condition.check(current, return_old));
    if (action.kind == TransactActionKind::kPut) return std::optional<Item>(action.request->item);
    if (action.kind == TransactActionKind::kDelete) return std::optional<Item>();
    return current;  // ConditionCheck: nothing is written
  };
}

std::string success_response(const p::TransactWriteItemsRequest& request, const std::vector<Action>& actions,
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
    if (want_metrics && !check) metrics.add(*action.table, action.key);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  capacity.write(writer, request.return_consumed_capacity);
  metrics.write(writer);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Claims, locks, decides and commits every action.
Result<std::string> run(RequestContext& context, const p::TransactWriteItemsRequest& request,
                        const std::vector<Action>& actions) {
  auto& database = context.database();
  std::vector<std::string> keys;
  std::vector<engine::Database::MultiWrite> writes;
  for (const auto& action : actions) {
    keys.push_back(action.item_key);
    writes.push_back(
        {action.table, action.key, mutator_for(action), action.kind == TransactActionKind::kConditionCheck});
  }
  engine::TransactionClaims::Claim claim;
  auto conflicts = database.transaction_claims().try_claim(keys, claim);
  if (!conflicts.empty()) {
    std::vector<CancellationReason> reasons(actions.size());
    for (std::size_t i : conflicts) reasons[i] = conflict_reason();
    return fail(transaction_canceled(reasons));
  }
  EDDY_TRY(engine::Database::MultiOutcome outcome, database.write_items(writes));
  if (!outcome.committed) {
    std::vector<CancellationReason> reasons;
    for (std::size_t i = 0; i < actions.size(); ++i) {
      reasons.push_back(cancellation_reason(outcome.errors[i], outcome.outcomes[i].old_item,
                                            actions[i].return_old_on_failure));
    }
    return fail(transaction_canceled(reasons));
  }
  return success_response(request, actions, outcome);
}

}  // namespace

Result<std::string> transact_write_items(RequestContext& context, const p::TransactWriteItemsRequest& request) {
  EDDY_TRY(std::vector<Action> actions, parse_actions(request));
  EDDY_TRY_VOID(resolve_actions(context, actions));
  if (!request.client_request_token) return run(context, request, actions);

  auto& tokens = context.database().transaction_tokens();
  const std::string& token = *request.client_request_token;
  auto lookup = tokens.begin(token, request.fingerprint, context.now());
  switch (lookup.status) {
    case engine::TransactionTokens::Status::kReplay: return lookup.response;
    case engine::TransactionTokens::Status::kMismatch:
      return fail(ApiError{ErrorCode::kIdempotentParameterMismatch,
                           "The request uses the same client token as a previous, but non-identical request.", {}});
    case engine::TransactionTokens::Status::kInProgress:
      return fail(ApiError{ErrorCode::kTransactionInProgress,
                           "The transaction with the given request token is already in progress.", {}});
    case engine::TransactionTokens::Status::kNew: break;
  }
  auto response = run(context, request, actions);
  if (response) {
    tokens.finish(token, *response, context.now());
  } else {
    tokens.abandon(token);
  }
  return response;
}

}  // namespace eddy::ops
