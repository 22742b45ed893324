// DescribeTable's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
#pragma once

#include <string>

#include "protocol/json.h"
#include "model/api_error.h"

namespace eddy::protocol {

struct DescribeTableRequest {
  std::string table_name;
};

Result<DescribeTableRequest> read_describe_table(const JsonValue& json);

}  // namespace eddy::protocol
