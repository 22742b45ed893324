// DeleteItem's request declared; see delete_item.h.
#include "protocol/requests/delete_item.h"

#include "protocol/requests/condition_members.h"

namespace eddy::protocol {
namespace {

const Shape<DeleteItemRequest>& shape() {
  using R = DeleteItemRequest;
  static const Shape<R> shape{
      join<R>({member("TableName", &R::table_name, {required(), name()})}, item_write_return_members<R>(),
              Members<R>{member("Key", &R::key, {required()})}, condition_members<R>()),
      {
          [](R& request, const JsonValue&) { return check_return_values_all_old_or_none(request.return_values); },
          check_condition_members<R>,
      }};
  return shape;
}

}  // namespace

Result<DeleteItemRequest> read_delete_item(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
