// TransactWriteItems' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/legacy_parameters.h"
#include "protocol/json.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/return_options.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxTransactionBytes = 4u << 20;

enum class TransactActionKind { kConditionCheck, kPut, kDelete, kUpdate };

// One ConditionCheck, Put, Delete or Update: the members of all four (each kind reads its own).
struct TransactWriteAction {
  std::string table_name;
  Item item;  // Put
  Item key;   // ConditionCheck, Delete, Update
  std::optional<std::string> condition_expression;
  std::optional<std::string> update_expression;  // Update
  std::optional<AttributeNames> expression_attribute_names;
  std::optional<AttributeMap> expression_attribute_values;
  // eddy also accepts the legacy Expected on ConditionCheck, Put and Delete, as on PutItem.
  std::optional<std::vector<LegacyCondition>> expected;
  std::optional<std::string> conditional_operator;
  ReturnValuesOnConditionCheckFailure return_values_on_condition_check_failure =
      ReturnValuesOnConditionCheckFailure::kNone;
};

// One entry of TransactItems: exactly one action (checked when read).
struct TransactWriteItem {
  std::optional<TransactWriteAction> condition_check;
  std::optional<TransactWriteAction> put;
  std::optional<TransactWriteAction> delete_action;  // "Delete"
  std::optional<TransactWriteAction> update;

  TransactActionKind kind() const;
  const TransactWriteAction& action() const;
};

struct TransactWriteItemsRequest {
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  ReturnItemCollectionMetrics return_item_collection_metrics = ReturnItemCollectionMetrics::kNone;
  std::optional<std::string> client_request_token;
  std::vector<TransactWriteItem> transact_items;
  // With a ClientRequestToken: a hash of the request as sent, to tell a retry from another request.
  uint64_t fingerprint = 0;
};

// Reads and checks the whole request: members, constraints, one action per entry, the actions'
// expression members and the 4 MB payload limit.
Result<TransactWriteItemsRequest> read_transact_write_items(const JsonValue& json);

}  // namespace eddy::protocol
