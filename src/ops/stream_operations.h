// What the four DynamoDB Streams operations (and the TTL operations' answers) share: the
// Streams of the request and a small JSON writing step.
#pragma once

#include <string_view>

#include "model/api_error.h"
#include "ops/request_context.h"
#include "protocol/json.h"
#include "streams/streams.h"

namespace eddy::ops {

Result<streams::Streams*> streams_of(RequestContext& context);
void write_member(JsonWriter& writer, const char* key, std::string_view value);

}  // namespace eddy::ops
