// StreamArn of the DynamoDB Streams operations: the form AWS gives it,
// arn:aws:dynamodb:<region>:<account>:table/<TableName>/stream/<StreamLabel>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/api_error.h"

namespace eddy::protocol {

// ValidationException "Invalid StreamArn" for an ARN (when given) not of that form.
Result<void> check_stream_arn(const std::optional<std::string>& arn);

}  // namespace eddy::protocol
