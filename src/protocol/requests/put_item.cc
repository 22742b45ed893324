// PutItem's request declared; see put_item.h.
#include "protocol/requests/put_item.h"

#include "protocol/requests/condition_members.h"

namespace eddy::protocol {
namespace {

const Shape<PutItemRequest>& shape() {
  using R = PutItemRequest;
  static const Shape<R> shape{
      join<R>({member("TableName", &R::table_name, {required(), name()})}, item_write_return_members<R>(),
              Members<R>{member("Item", &R::item, {required()})}, condition_members<R>()),
      {
          [](R& request, const JsonValue&) { return check_return_values_all_old_or_none(request.return_values); },
          check_condition_members<R>,
      }};
  return shape;
}

}  // namespace

Result<PutItemRequest> read_put_item(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
