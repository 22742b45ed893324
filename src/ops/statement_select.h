// ExecuteStatement's SELECT: the plan's Query (one range per partition, read in the plan's order)
// or Scan, read one page at a time through the Query/Scan read path (read_pager.h) with the plan's
// filter and projection trees. A page holds at most Limit entries and 1 MB, across partitions;
// when it is cut short the answer carries NextToken (statement_next_token.h) and the page's
// LastEvaluatedKey.
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "ops/partiql_statement.h"
#include "protocol/requests/return_options.h"

namespace eddy::ops {

struct SelectPage {
  std::optional<int64_t> limit;
  bool consistent_read = false;
  std::optional<std::string> next_token;
  protocol::ReturnConsumedCapacity return_consumed_capacity = protocol::ReturnConsumedCapacity::kNone;
};

// The response body of one page.
Result<std::string> execute_select(RequestContext& context, const PreparedStatement& statement, const SelectPage& page);

}  // namespace eddy::ops
