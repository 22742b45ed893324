// UntagResource's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
#pragma once

#include <string>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct UntagResourceRequest {
  std::string resource_arn;
  std::vector<std::string> tag_keys;  // required
};

Result<UntagResourceRequest> read_untag_resource(const JsonValue& json);

}  // namespace eddy::protocol
