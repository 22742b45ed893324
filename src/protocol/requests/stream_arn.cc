// StreamArn's form; see stream_arn.h.
#include "protocol/requests/stream_arn.h"

#include <regex>

namespace eddy::protocol {

Result<void> check_stream_arn(const std::optional<std::string>& arn) {
  static const std::regex pattern(R"(arn:aws[a-z-]*:dynamodb:[^:/]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+)");
  if (arn && !std::regex_match(arn->begin(), arn->end(), pattern)) return validation_error("Invalid StreamArn");
  return {};
}

}  // namespace eddy::protocol
