// ListTagsOfResource's request declared; see list_tags_of_resource.h.
#include "protocol/requests/list_tags_of_resource.h"

#include "protocol/requests/resource_arn.h"
#include "protocol/shape.h"

namespace eddy::protocol {

Result<ListTagsOfResourceRequest> read_list_tags_of_resource(const JsonValue& json) {
  using R = ListTagsOfResourceRequest;
  static const Shape<R> shape{
      {member("ResourceArn", &R::resource_arn, resource_arn_constraints())},
      {[](R& request, const JsonValue&) { return check_resource_arn(request.resource_arn, "ListTagsOfResource"); }}};
  return shape.read(json);
}

}  // namespace eddy::protocol
