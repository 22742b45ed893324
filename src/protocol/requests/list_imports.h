// ListImports' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListImports.html
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ListImportsRequest {
  std::optional<std::string> table_arn;   // only imports into this table
  std::optional<int64_t> page_size;       // 1 to 25; Default: 25
  std::optional<std::string> next_token;  // from the previous page: 112 to 1024 hex digits
};

Result<ListImportsRequest> read_list_imports(const JsonValue& json);

}  // namespace eddy::protocol
