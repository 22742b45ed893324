// The commit path of a write transaction, shared by TransactWriteItems (actions read from JSON,
// expressions parsed from text) and ExecuteTransaction (PartiQL statements, expressions from the
// planner): the actions' items are claimed (a second transaction naming one is cancelled with
// TransactionConflict), then locked, read, decided and committed in one atomic write
// (engine::Database::write_items), or the transaction is cancelled with one CancellationReason per
// action. ClientRequestToken idempotency wraps the whole. docs/transactions.md has the design.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/database.h"
#include "model/api_error.h"
#include "ops/item_write.h"
#include "ops/request_context.h"
#include "ops/transaction_update.h"
#include "ops/write_condition.h"
#include "protocol/requests/transact_write_items.h"

namespace eddy::ops {

// One action as the commit path needs it, resolved against its table.
struct TransactionAction {
  protocol::TransactActionKind kind = protocol::TransactActionKind::kPut;
  engine::TablePtr table;
  Item key;                                     // derived from the item for a Put
  Item item;                                    // Put
  WriteCondition condition;                     // ConditionCheck, Put, Delete
  std::optional<TransactionUpdate> update;      // Update
  bool return_old_on_failure = false;           // ReturnValuesOnConditionCheckFailure ALL_OLD
  PutMode put_mode = PutMode::kReplace;         // kInsert: PartiQL INSERT
  bool key_attributes_after_condition = false;  // PartiQL UPDATE (see UpdateRules)
  std::string item_key;                         // the RocksDB key, once the key is validated
};

// Claims, locks, decides and commits every action: the outcome of each when committed, or
// TransactionCanceledException.
Result<engine::Database::MultiOutcome> commit_transaction(RequestContext& context,
                                                          const std::vector<TransactionAction>& actions);

// Runs `run` under ClientRequestToken's rules when a token is given: a retry within the window
// answers the first response; the same token with another request is
// IdempotentParameterMismatchException; one still running is TransactionInProgressException.
Result<std::string> with_client_request_token(RequestContext& context, const std::optional<std::string>& token,
                                              uint64_t fingerprint, const std::function<Result<std::string>()>& run);

}  // namespace eddy::ops
