// DescribeExport's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeExport.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DescribeExportRequest {
  std::string export_arn;  // required, 37 to 1024 characters
};

Result<DescribeExportRequest> read_describe_export(const JsonValue& json);

}  // namespace eddy::protocol
