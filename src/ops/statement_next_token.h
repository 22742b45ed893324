// ExecuteStatement's NextToken: where a SELECT's next page starts. The token is opaque to clients;
// eddy writes it as base64 of a small JSON object,
//   {"version": "V1", "partition": <index of the partition read, 0 for a Scan>, "key": <AttributeValue map>}
// where "key" is the last key read (the page's LastEvaluatedKey). A token that does not decode,
// or whose position does not fit the statement it is sent with, is "Invalid NextToken", as
// DynamoDB answers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::ops {

struct StatementPosition {
  std::size_t partition = 0;
  Item key;
};

std::string encode_next_token(const StatementPosition& position);
Result<StatementPosition> decode_next_token(std::string_view token);

ApiError invalid_next_token();

}  // namespace eddy::ops
