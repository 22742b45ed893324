// ListExports' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListExports.html
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ListExportsRequest {
  std::optional<std::string> table_arn;   // only this table's exports
  std::optional<int64_t> max_results;     // 1 to 25; Default: 25
  std::optional<std::string> next_token;  // from the previous page
};

Result<ListExportsRequest> read_list_exports(const JsonValue& json);

}  // namespace eddy::protocol
