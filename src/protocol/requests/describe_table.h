// DescribeTable's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DescribeTableRequest {
  std::string table_name;
};

Result<DescribeTableRequest> read_describe_table(const JsonValue& json);

}  // namespace eddy::protocol
