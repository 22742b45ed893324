// ExclusiveStartKey checks shared by Query and Scan: the key must name exactly the table's key
// attributes (plus the index's, for index reads) with their declared types.
#pragma once

#include "model/api_error.h"
#include "ops/read_request.h"

namespace eddy::ops {

// Checks `start` against the key attributes `read` needs. `invalid` is the error for a key with
// missing or extra attributes, `mismatch` for one with a wrong type.
Result<void> check_start_key_shape(const ReadRequest& read, const Item& start, const ApiError& invalid,
                                   const ApiError& mismatch);

// "The provided starting key is invalid: The provided key element does not match the schema".
ApiError start_key_schema_mismatch();

}  // namespace eddy::ops
