// DescribeStream's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ShardFilter {
  std::optional<std::string> type;  // CHILD_SHARDS
  std::optional<std::string> shard_id;
};

struct DescribeStreamRequest {
  std::string stream_arn;
  std::optional<int64_t> limit;  // 1 to 100; 100 when absent
  std::optional<std::string> exclusive_start_shard_id;
  std::optional<ShardFilter> shard_filter;
};

Result<DescribeStreamRequest> read_describe_stream(const JsonValue& json);

}  // namespace eddy::protocol
