// GetRecords' request declared; see get_records.h.
#include "protocol/requests/get_records.h"

#include "model/errors.h"
#include "protocol/shape.h"

namespace eddy::protocol {

Result<GetRecordsRequest> read_get_records(const JsonValue& json) {
  using R = GetRecordsRequest;
  static const Shape<R> shape{{
                                  member("ShardIterator", &R::shard_iterator, {required(), length(1, 2048)}),
                                  member("Limit", &R::limit, {range(1)}),
                              },
                              {[](R& request, const JsonValue&) -> Result<void> {
                                if (request.limit && *request.limit > 1000) {
                                  return fail(errors::invalid_parameter("Limit should be less than or equal to 1000"));
                                }
                                return {};
                              }}};
  return shape.read(json);
}

}  // namespace eddy::protocol
