// TransactGetItems' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "protocol/json.h"
#include "protocol/requests/expression_members.h"
#include "protocol/requests/return_options.h"

namespace eddy::protocol {

struct Get {
  std::string table_name;
  Item key;
  std::optional<std::string> projection_expression;
  std::optional<std::vector<std::string>> attributes_to_get;
  std::optional<AttributeNames> expression_attribute_names;
};

struct TransactGetItem {
  std::optional<Get> get;  // required
};

struct TransactGetItemsRequest {
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  std::vector<TransactGetItem> transact_items;
};

Result<TransactGetItemsRequest> read_transact_get_items(const JsonValue& json);

}  // namespace eddy::protocol
