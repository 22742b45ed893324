// A write transaction's commit path; see transaction_commit.h.
#include "ops/transaction_commit.h"

#include "model/errors.h"
#include "model/result.h"
#include "ops/item_validation.h"
#include "ops/transaction_cancellation.h"

namespace eddy::ops {
namespace {

using protocol::TransactActionKind;

// What an action does to its item, run under the item's lock.
engine::Mutator mutator_for(const TransactionAction& action) {
  return [&action](const std::optional<Item>& current) -> Result<std::optional<Item>> {
    bool return_old = action.return_old_on_failure;
    if (action.kind == TransactActionKind::kUpdate) {
      EDDY_TRY(bool holds, action.update->condition_holds(current));
      if (!holds) return fail(condition_failed(current, return_old));
      if (action.key_attributes_after_condition) {
        EDDY_TRY_VOID(check_key_attributes_not_updated(*action.table, action.update->update()));
      }
      EDDY_TRY(std::optional<Item> result, action.update->apply(current, action.key));
      if (!result) return result;
      Item& updated = *result;
      EDDY_TRY_VOID(validate_updated_nesting(updated));
      if (item_size(updated) > kMaxItemBytes) return fail(errors::updated_item_too_large());
      EDDY_TRY_VOID(validate_item(*action.table, updated));
      return result;
    }
    if (action.kind == TransactActionKind::kPut && action.put_mode == PutMode::kInsert && current) {
      return fail(duplicate_item());
    }
    EDDY_TRY_VOID(action.condition.check(current, return_old));
    if (action.kind == TransactActionKind::kPut) return std::optional<Item>(action.item);
    if (action.kind == TransactActionKind::kDelete) return std::optional<Item>();
    return current;  // ConditionCheck: nothing is written
  };
}

}  // namespace

Result<engine::Database::MultiOutcome> commit_transaction(RequestContext& context,
                                                          const std::vector<TransactionAction>& actions) {
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
      reasons.push_back(
          cancellation_reason(outcome.errors[i], outcome.outcomes[i].old_item, actions[i].return_old_on_failure));
    }
    return fail(transaction_canceled(reasons));
  }
  return outcome;
}

Result<std::string> with_client_request_token(RequestContext& context, const std::optional<std::string>& token,
                                              uint64_t fingerprint, const std::function<Result<std::string>()>& run) {
  if (!token) return run();
  auto& tokens = context.database().transaction_tokens();
  auto lookup = tokens.begin(*token, fingerprint, context.now());
  switch (lookup.status) {
    case engine::TransactionTokens::Status::kReplay: return lookup.response;
    case engine::TransactionTokens::Status::kMismatch:
      return fail(ApiError{ErrorCode::kIdempotentParameterMismatch,
                           "The request uses the same client token as a previous, but non-identical request.",
                           {}});
    case engine::TransactionTokens::Status::kInProgress:
      return fail(ApiError{ErrorCode::kTransactionInProgress,
                           "The transaction with the given request token is already in progress.",
                           {}});
    case engine::TransactionTokens::Status::kNew: break;
  }
  auto response = run();
  if (response) {
    tokens.finish(*token, *response, context.now());
  } else {
    tokens.abandon(*token);
  }
  return response;
}

}  // namespace eddy::ops
