// TransactWriteItems: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
// Up to 100 ConditionCheck/Put/Delete/Update actions over several tables, all or nothing. The
// actions' items are claimed (a second transaction naming one is cancelled with
// TransactionConflict), then locked, read, decided and committed in one atomic write by the
// engine's write path. How isolation, conflicts and ClientRequestToken work: docs/transactions.md.
#include <set>

#include "ops/batch_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/transaction_cancellation.h"
#include "ops/transaction_request.h"

namespace eddy::ops {
namespace {

// Finds each action's table, checks its key or item (failures are ValidationError reasons, as
// DynamoDB reports them), parses Update expressions and refuses an item named twice.
Result<void> resolve_actions(RequestContext& context, TransactWriteRequest& request) {
  for (auto& action : request.actions) {
    auto table = find_table(context, action.table_name);
    if (!table) return fail(table.error());
    action.table = *table;
  }
  std::vector<CancellationReason> reasons(request.actions.size());
  bool invalid = false;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < request.actions.size(); ++i) {
    auto& action = request.actions[i];
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
    if (!seen.insert(action.item_key).second) {
      return validation_error("Transaction request cannot include multiple operations on one item");
    }
    if (action.kind == TransactActionKind::kUpdate) {
      auto update = TransactionUpdate::parse(*action.json, table.key.attribute_names());
      if (!update) return fail(update.error());
      action.update = std::move(*update);
    }
  }
  if (invalid) return fail(transaction_canceled(reasons));
  return {};
}

// What an action does to its item, run under the item's lock.
engine::Mutator mutator_for(const TransactWriteAction& action) {
  return [&action](const std::optional<Item>& current) -> Result<std::optional<Item>> {
    bool return_old = action.return_old_on_failure;
    if (action.kind == TransactActionKind::kUpdate) {
      auto holds = action.update->condition_holds(current);
      if (!holds) return fail(holds.error());
      if (!*holds) return fail(condition_failed(current, return_old));
      auto updated = action.update->apply(current, action.key);
      if (!updated) return fail(updated.error());
      if (auto nesting = validate_updated_nesting(*updated); !nesting) return fail(nesting.error());
      if (item_size(*updated) > kMaxItemBytes) {
        return validation_error("Item size to update has exceeded the maximum allowed size");
      }
      if (auto valid = validate_item(*action.table, *updated); !valid) return fail(valid.error());
      return std::optional<Item>(std::move(*updated));
    }
    if (auto passed = action.condition.check(current, return_old); !passed) return fail(passed.error());
    if (action.kind == TransactActionKind::kPut) return std::optional<Item>(action.item);
    if (action.kind == TransactActionKind::kDelete) return std::optional<Item>();
    return current;  // ConditionCheck: nothing is written
  };
}

std::string success_response(const TransactWriteRequest& request, const engine::Database::MultiOutcome& outcome) {
  CapacityTotals capacity;
  CollectionMetrics metrics;
  for (std::size_t i = 0; i < request.actions.size(); ++i) {
    const auto& action = request.actions[i];
    const auto& result = outcome.outcomes[i];
    // Every transactional write (and condition check) costs twice a plain write: prepare and commit.
    capacity.add(write_capacity(*action.table, result.old_item,
                                action.kind == TransactActionKind::kConditionCheck ? result.old_item : result.new_item),
                 2);
    if (request.metrics && action.kind != TransactActionKind::kConditionCheck) metrics.add(*action.table, action.key);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  capacity.write(writer, request.capacity);
  metrics.write(writer);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Claims, locks, decides and commits every action.
Result<std::string> run(RequestContext& context, const TransactWriteRequest& request) {
  auto& database = context.database();
  std::vector<std::string> keys;
  std::vector<engine::Database::MultiWrite> writes;
  for (const auto& action : request.actions) {
    keys.push_back(action.item_key);
    writes.push_back({action.table, action.key, mutator_for(action),
                      action.kind == TransactActionKind::kConditionCheck});
  }
  engine::TransactionClaims::Claim claim;
  auto conflicts = database.transaction_claims().try_claim(keys, claim);
  if (!conflicts.empty()) {
    std::vector<CancellationReason> reasons(request.actions.size());
    for (std::size_t i : conflicts) reasons[i] = conflict_reason();
    return fail(transaction_canceled(reasons));
  }
  auto outcome = database.write_items(writes);
  if (!outcome) return fail(outcome.error());
  if (!outcome->committed) {
    std::vector<CancellationReason> reasons;
    for (std::size_t i = 0; i < request.actions.size(); ++i) {
      reasons.push_back(cancellation_reason(outcome->errors[i], outcome->outcomes[i].old_item,
                                            request.actions[i].return_old_on_failure));
    }
    return fail(transaction_canceled(reasons));
  }
  return success_response(request, *outcome);
}

}  // namespace

Result<std::string> transact_write_items(RequestContext& context, const JsonValue& request) {
  auto parsed = parse_transact_write(request);
  if (!parsed) return fail(parsed.error());
  if (auto resolved = resolve_actions(context, *parsed); !resolved) return fail(resolved.error());
  if (!parsed->client_request_token) return run(context, *parsed);

  auto& tokens = context.database().transaction_tokens();
  const std::string& token = *parsed->client_request_token;
  auto lookup = tokens.begin(token, request_fingerprint(request), context.now());
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
  auto response = run(context, *parsed);
  if (response) {
    tokens.finish(token, *response, context.now());
  } else {
    tokens.abandon(token);
  }
  return response;
}

}  // namespace eddy::ops
