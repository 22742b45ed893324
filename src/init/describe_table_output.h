// DescribeTable's output ({"Table": {...}}, as `aws dynamodb describe-table` prints it) as the
// CreateTable request that makes the same table: the key schema, attribute definitions, billing
// mode, provisioned throughput (left out when on demand), indexes (their key schema, projection
// and throughput), stream specification, table class and deletion protection. What only the
// table's life gives (status, counts, sizes, ARNs, times, decreases) is dropped.
#pragma once

#include "protocol/json.h"

namespace eddy::init {

bool is_describe_table_output(const JsonValue& document);

// A CreateTable request for `table` (the value of "Table"), allocated in `request`.
void create_table_request(const JsonValue& table, JsonDocument& request);

}  // namespace eddy::init
