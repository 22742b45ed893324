// TagResource's request declared; see tag_resource.h.
#include "protocol/requests/tag_resource.h"

#include "protocol/requests/resource_arn.h"
#include "protocol/requests/table_settings.h"

namespace eddy::protocol {

Result<TagResourceRequest> read_tag_resource(const JsonValue& json) {
  using R = TagResourceRequest;
  static const Shape<R> shape{
      {
          member("ResourceArn", &R::resource_arn, resource_arn_constraints()),
          member("Tags", &R::tags, tag_shape(), {required()}),
      },
      {[](R& request, const JsonValue&) { return check_resource_arn(request.resource_arn); }}};
  return shape.read(json);
}

}  // namespace eddy::protocol
