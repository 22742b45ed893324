// BatchGetItem's request declared; see batch_get_item.h.
#include "protocol/requests/batch_get_item.h"

#include <set>

#include "model/errors.h"
#include "protocol/attribute_value_json.h"
#include "protocol/requests/projection_members.h"

namespace eddy::protocol {
namespace {

Result<void> read_keys(const JsonValue* value, KeysAndAttributes& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_list(*value));
  for (const auto& key : value->GetArray()) {
    EDDY_TRY_VOID(expect_map_in_list(key, "AttributeValue"));
    EDDY_TRY(Item decoded, decode_attribute_map(key));
    out.keys.push_back(std::move(decoded));
  }
  return {};
}

const Shape<KeysAndAttributes>& keys_and_attributes_shape() {
  using R = KeysAndAttributes;
  static const Shape<R> shape{
      "KeysAndAttributes",
      join<R>(
          {
              custom_member<R>("Keys", read_keys, {required(), length(1), unshown_length(0, kMaxBatchGetKeys)}),
              member("ConsistentRead", &R::consistent_read),
          },
          projection_members<R>())};
  return shape;
}

// Per table, in order: its projection members, then its keys (no key twice; at most 100 in all).
Result<void> check_tables(const BatchGetItemRequest& request, const JsonValue& json) {
  // request_items holds RequestItems' members in the order sent.
  auto entry = json_member(json, "RequestItems")->MemberBegin();
  std::size_t count = 0;
  for (const auto& [name, table] : request.request_items) {
    EDDY_TRY_VOID(check_projection_members((entry++)->value, table.expression_attribute_names));
    std::set<std::string> seen;
    for (const auto& key : table.keys) {
      if (!seen.insert(attribute_map_to_json(key)).second) return fail(errors::duplicate_keys());
      if (++count > kMaxBatchGetKeys) return validation_error("Too many items requested for the BatchGetItem call");
    }
  }
  return {};
}

const Shape<BatchGetItemRequest>& shape() {
  using R = BatchGetItemRequest;
  static const Shape<R> shape{
      {
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
          member("RequestItems", &R::request_items, keys_and_attributes_shape(),
                 {required_map("BatchGetItem"), map_keys_are_table_names()}),
      },
      {[](R& request, const JsonValue& json) { return check_tables(request, json); }}};
  return shape;
}

}  // namespace

Result<BatchGetItemRequest> read_batch_get_item(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
