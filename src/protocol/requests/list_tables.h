// ListTables' request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ListTablesRequest {
  std::optional<std::string> exclusive_start_table_name;
  std::optional<int64_t> limit;  // 1 to 100; 100 when absent
};

Result<ListTablesRequest> read_list_tables(const JsonValue& json);

}  // namespace eddy::protocol
