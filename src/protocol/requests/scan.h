// Scan's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/legacy_parameters.h"
#include "protocol/json.h"
#include "protocol/requests/read_members.h"

namespace eddy::protocol {

struct ScanRequest {
  ReadMembers read;
  std::optional<int64_t> segment;
  std::optional<int64_t> total_segments;
  std::optional<std::vector<LegacyCondition>> scan_filter;
};

// Reads and checks a Scan request in DynamoDB's order (protocol/shape.h). The filter and the
// projection are parsed against the table by ops/scan.cc.
Result<ScanRequest> read_scan(const JsonValue& json);

}  // namespace eddy::protocol
