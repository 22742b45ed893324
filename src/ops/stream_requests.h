// What the four DynamoDB Streams operations share: the StreamService of the request, the check
// that a StreamArn has the form AWS gives it, and small JSON writing steps.
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "ops/request_context.h"
#include "protocol/json.h"
#include "streams/stream_service.h"

namespace eddy::ops {

Result<streams::StreamService*> stream_service(RequestContext& context);
// arn:aws:dynamodb:<region>:<account>:table/<TableName>/stream/<StreamLabel>
bool well_formed_stream_arn(std::string_view arn);
// ValidationException for a StreamArn that is not of that form.
ApiError invalid_stream_arn();
void write_member(JsonWriter& writer, const char* key, std::string_view value);

}  // namespace eddy::ops
