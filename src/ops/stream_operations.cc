// Shared steps of the DynamoDB Streams operations; see stream_operations.h.
#include "ops/stream_operations.h"

namespace eddy::ops {

Result<streams::Streams*> streams_of(RequestContext& context) {
  if (context.state.streams == nullptr) return fail(ApiError::internal("DynamoDB Streams is not running"));
  return context.state.streams;
}

void write_member(JsonWriter& writer, const char* key, std::string_view value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

}  // namespace eddy::ops
