// DescribeExport's request declared; see describe_export.h.
#include "protocol/requests/describe_export.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DescribeExportRequest> read_describe_export(const JsonValue& json) {
  using R = DescribeExportRequest;
  static const Shape<R> shape{{member("ExportArn", &R::export_arn, {required(), length(37, 1024)})}};
  return shape.read(json);
}

}  // namespace eddy::protocol
