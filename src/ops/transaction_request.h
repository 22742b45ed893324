// The request of TransactWriteItems as typed data: its actions (ConditionCheck, Put, Delete,
// Update) in order, read and checked in DynamoDB's order before any table is looked up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "model/attribute_value.h"
#include "ops/consumed_capacity.h"
#include "ops/transaction_update.h"
#include "ops/write_condition.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

inline constexpr std::size_t kMaxTransactionActions = 100;
inline constexpr std::size_t kMaxTransactionBytes = 4u << 20;

// TransactItems' count rules (present, 1 to 100 actions) for TransactGetItems and TransactWriteItems;
// true when `items` may be read action by action.
bool check_transact_items_count(const JsonValue* items, ConstraintViolations& violations);

enum class TransactActionKind { kConditionCheck, kPut, kDelete, kUpdate };

struct TransactWriteAction {
  TransactActionKind kind = TransactActionKind::kPut;
  const JsonValue* json = nullptr;  // the action's object (Update expressions are parsed from it later)
  std::string table_name;
  Item item;  // Put: the item
  Item key;   // ConditionCheck, Delete, Update: the key; Put: derived from the item
  WriteCondition condition;                 // ConditionCheck, Put, Delete
  std::optional<TransactionUpdate> update;  // Update, once its table is known
  bool return_old_on_failure = false;       // ReturnValuesOnConditionCheckFailure ALL_OLD
  engine::TablePtr table;
  std::string item_key;  // the RocksDB key, once the key is validated
};

struct TransactWriteRequest {
  std::vector<TransactWriteAction> actions;
  CapacityMode capacity = CapacityMode::kNone;
  bool metrics = false;
  std::optional<std::string> client_request_token;
};

// Reads and checks the whole request: members, constraint violations, one action per entry,
// conditions, attribute values and the 4 MB payload limit.
Result<TransactWriteRequest> parse_transact_write(const JsonValue& request);

// A hash of the request's canonical JSON text (for ClientRequestToken idempotency).
uint64_t request_fingerprint(const JsonValue& request);

}  // namespace eddy::ops
