// DescribeImport's request declared; see describe_import.h.
#include "protocol/requests/describe_import.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DescribeImportRequest> read_describe_import(const JsonValue& json) {
  using R = DescribeImportRequest;
  static const Shape<R> shape{{member("ImportArn", &R::import_arn, {required(), length(37, 1024)})}};
  return shape.read(json);
}

}  // namespace eddy::protocol
