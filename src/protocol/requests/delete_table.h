// DeleteTable's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DeleteTableRequest {
  std::string table_name;
};

Result<DeleteTableRequest> read_delete_table(const JsonValue& json);

}  // namespace eddy::protocol
