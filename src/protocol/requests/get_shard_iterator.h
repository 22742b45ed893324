// GetShardIterator's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct GetShardIteratorRequest {
  std::string stream_arn;
  std::string shard_id;
  std::string shard_iterator_type;             // TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER
  std::optional<std::string> sequence_number;  // for AT_ and AFTER_SEQUENCE_NUMBER only
};

Result<GetShardIteratorRequest> read_get_shard_iterator(const JsonValue& json);

}  // namespace eddy::protocol
