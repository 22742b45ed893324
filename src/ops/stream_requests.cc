// Shared steps of the DynamoDB Streams operations; see stream_requests.h.
#include "ops/stream_requests.h"

#include <regex>

namespace eddy::ops {

Result<streams::StreamService*> stream_service(RequestContext& context) {
  if (context.services.streams == nullptr) return fail(ApiError::internal("DynamoDB Streams is not running"));
  return context.services.streams;
}

bool well_formed_stream_arn(std::string_view arn) {
  static const std::regex pattern(R"(arn:aws[a-z-]*:dynamodb:[^:/]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+)");
  return std::regex_match(arn.begin(), arn.end(), pattern);
}

ApiError invalid_stream_arn() { return ApiError::validation("Invalid StreamArn"); }

void write_member(JsonWriter& writer, const char* key, std::string_view value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

}  // namespace eddy::ops
