// DescribeContinuousBackups's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct DescribeContinuousBackupsRequest {
  std::string table_name;
};

Result<DescribeContinuousBackupsRequest> read_describe_continuous_backups(const JsonValue& json);

}  // namespace eddy::protocol
