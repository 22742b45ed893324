// ListStreams' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ListStreamsRequest {
  std::optional<std::string> table_name;
  std::optional<int64_t> limit;  // 1 to 100; 100 when absent
  std::optional<std::string> exclusive_start_stream_arn;
};

Result<ListStreamsRequest> read_list_streams(const JsonValue& json);

}  // namespace eddy::protocol
