// GetItem's request declared; see get_item.h.
#include "protocol/requests/get_item.h"

#include "protocol/requests/projection_members.h"

namespace eddy::protocol {
namespace {

const Shape<GetItemRequest>& shape() {
  using R = GetItemRequest;
  static const Shape<R> shape{
      join<R>(
          {
              member("TableName", &R::table_name, {required(), name()}),
              member("Key", &R::key, {required()}),
              member("ConsistentRead", &R::consistent_read),
              member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
          },
          projection_members<R>()),
      {[](R& request, const JsonValue& json) {
        return check_projection_members(json, request.expression_attribute_names);
      }}};
  return shape;
}

}  // namespace

Result<GetItemRequest> read_get_item(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
