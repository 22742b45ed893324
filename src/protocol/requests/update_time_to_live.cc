// UpdateTimeToLive's request declared; see update_time_to_live.h.
#include "protocol/requests/update_time_to_live.h"

#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

const Shape<TimeToLiveSpecification>& specification_shape() {
  using S = TimeToLiveSpecification;
  static const Shape<S> shape{"TimeToLiveSpecification",
                              {
                                  member("Enabled", &S::enabled, {required()}),
                                  member("AttributeName", &S::attribute_name, {required(), length(1, 255)}),
                              }};
  return shape;
}

}  // namespace

Result<UpdateTimeToLiveRequest> read_update_time_to_live(const JsonValue& json) {
  using R = UpdateTimeToLiveRequest;
  static const Shape<R> shape{{
      member("TableName", &R::table_name, {required_parameter(), name()}),
      member("TimeToLiveSpecification", &R::time_to_live_specification, specification_shape(), {required()}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
