// GetRecords' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct GetRecordsRequest {
  std::string shard_iterator;
  std::optional<int64_t> limit;  // 1 to 1,000; 1,000 when absent
};

Result<GetRecordsRequest> read_get_records(const JsonValue& json);

}  // namespace eddy::protocol
