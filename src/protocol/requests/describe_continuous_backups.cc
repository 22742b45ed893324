// DescribeContinuousBackups's request declared; see describe_continuous_backups.h.
#include "protocol/requests/describe_continuous_backups.h"

#include "protocol/shape.h"

namespace eddy::protocol {

Result<DescribeContinuousBackupsRequest> read_describe_continuous_backups(const JsonValue& json) {
  using R = DescribeContinuousBackupsRequest;
  static const Shape<R> shape{{
      member("TableName", &R::table_name, {required_parameter(), name()}),
  }};
  return shape.read(json);
}

}  // namespace eddy::protocol
