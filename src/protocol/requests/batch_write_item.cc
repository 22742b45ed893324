// BatchWriteItem's request declared; see batch_write_item.h.
#include "protocol/requests/batch_write_item.h"

#include "model/limits.h"

namespace eddy::protocol {
namespace {

const Shape<PutRequest>& put_request_shape() {
  static const Shape<PutRequest> shape{"PutRequest", {member("Item", &PutRequest::item, {required()})}};
  return shape;
}

const Shape<DeleteRequest>& delete_request_shape() {
  static const Shape<DeleteRequest> shape{"DeleteRequest", {member("Key", &DeleteRequest::key, {required()})}};
  return shape;
}

// DeleteRequest's constraints are checked before PutRequest's.
const Shape<WriteRequest>& write_request_shape() {
  using R = WriteRequest;
  static const Shape<R> shape{"WriteRequest",
                              {
                                  member("DeleteRequest", &R::delete_request, delete_request_shape()),
                                  member("PutRequest", &R::put_request, put_request_shape()),
                              }};
  return shape;
}

// Per write: one action, an item within the size limit, at most 25 writes in all.
Result<void> check_writes(const BatchWriteItemRequest& request) {
  std::size_t count = 0;
  for (const auto& [name, writes] : request.request_items) {
    for (const auto& write : writes) {
      if (write.put_request.has_value() == write.delete_request.has_value()) {
        return validation_error(
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
            "datatypes");
      }
      if (write.put_request && item_size(write.put_request->item) > kMaxItemBytes) {
        return validation_error("Item size has exceeded the maximum allowed size");
      }
      if (++count > kMaxBatchWrites) return validation_error("Too many items requested for the BatchWriteItem call");
    }
  }
  return {};
}

const Shape<BatchWriteItemRequest>& shape() {
  using R = BatchWriteItemRequest;
  static const Shape<R> shape{
      {
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
          member("ReturnItemCollectionMetrics", &R::return_item_collection_metrics, kReturnItemCollectionMetrics),
          member("RequestItems", &R::request_items, write_request_shape(),
                 {required_map("BatchWriteItem"), map_keys_are_table_names(), map_values_length(1, kMaxBatchWrites)}),
      },
      {[](R& request, const JsonValue&) { return check_writes(request); }}};
  return shape;
}

}  // namespace

Result<BatchWriteItemRequest> read_batch_write_item(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
