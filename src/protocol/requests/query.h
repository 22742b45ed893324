// Query's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/legacy_parameters.h"
#include "protocol/json.h"
#include "protocol/requests/read_members.h"

namespace eddy::protocol {

struct QueryRequest {
  ReadMembers read;
  bool scan_index_forward = true;
  std::optional<std::string> key_condition_expression;
  std::optional<std::vector<LegacyCondition>> key_conditions;
  std::optional<std::vector<LegacyCondition>> query_filter;
};

// Reads and checks a Query request in DynamoDB's order (protocol/shape.h). The key condition, the
// filter and the projection are parsed against the table by ops/query.cc.
Result<QueryRequest> read_query(const JsonValue& json);

}  // namespace eddy::protocol
