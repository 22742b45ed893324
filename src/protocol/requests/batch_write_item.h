// BatchWriteItem's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "protocol/json.h"
#include "protocol/requests/return_options.h"
#include "protocol/shape.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxBatchWrites = 25;

struct PutRequest {
  Item item;
};
struct DeleteRequest {
  Item key;
};
// Exactly one of the two (checked when read).
struct WriteRequest {
  std::optional<PutRequest> put_request;
  std::optional<DeleteRequest> delete_request;
};

struct BatchWriteItemRequest {
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
  ReturnItemCollectionMetrics return_item_collection_metrics = ReturnItemCollectionMetrics::kNone;
  NamedEntries<std::vector<WriteRequest>> request_items;  // by table name, in the order sent
};

Result<BatchWriteItemRequest> read_batch_write_item(const JsonValue& json);

}  // namespace eddy::protocol
