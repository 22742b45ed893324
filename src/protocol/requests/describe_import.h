// DescribeImport's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeImport.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DescribeImportRequest {
  std::string import_arn;  // required, 37 to 1024 characters
};

Result<DescribeImportRequest> read_describe_import(const JsonValue& json);

}  // namespace eddy::protocol
