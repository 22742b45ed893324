// TransactGetItems' request declared; see transact_get_items.h.
#include "protocol/requests/transact_get_items.h"

#include "protocol/requests/projection_members.h"
#include "protocol/requests/transact_items.h"

namespace eddy::protocol {
namespace {

const Shape<Get>& get_shape() {
  using R = Get;
  static const Shape<R> shape{"Get", join<R>(
                                         {
                                             member("Key", &R::key, {required()}),
                                             member("TableName", &R::table_name, {required(), name()}),
                                         },
                                         projection_members<R>())};
  return shape;
}

const Shape<TransactGetItem>& transact_get_item_shape() {
  static const Shape<TransactGetItem> shape{"TransactGetItem",
                                            {member("Get", &TransactGetItem::get, get_shape(), {required()})}};
  return shape;
}

// Each Get's projection members, in order.
Result<void> check_projections(const TransactGetItemsRequest& request, const JsonValue& json) {
  const JsonValue& items = *json_member(json, "TransactItems");
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    const Get& get = *request.transact_items[i].get;
    EDDY_TRY_VOID(check_projection_members(*json_member(items[i], "Get"), get.expression_attribute_names));
  }
  return {};
}

const Shape<TransactGetItemsRequest>& shape() {
  using R = TransactGetItemsRequest;
  static const Shape<R> shape{
      {
          member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
          member("TransactItems", &R::transact_items, transact_get_item_shape(), transact_items_constraints())
              .nested_when_valid(),
      },
      {[](R& request, const JsonValue& json) { return check_projections(request, json); }}};
  return shape;
}

}  // namespace

Result<TransactGetItemsRequest> read_transact_get_items(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
