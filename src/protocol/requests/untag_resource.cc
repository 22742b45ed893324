// UntagResource's request declared; see untag_resource.h.
#include "protocol/requests/untag_resource.h"

#include "protocol/requests/resource_arn.h"
#include "protocol/shape.h"

namespace eddy::protocol {

Result<UntagResourceRequest> read_untag_resource(const JsonValue& json) {
  using R = UntagResourceRequest;
  static const Shape<R> shape{
      {
          member("ResourceArn", &R::resource_arn, resource_arn_constraints()),
          member("TagKeys", &R::tag_keys, {required()}),
      },
      {[](R& request, const JsonValue&) { return check_resource_arn(request.resource_arn, "UntagResource"); }}};
  return shape.read(json);
}

}  // namespace eddy::protocol
