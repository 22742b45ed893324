// TagResource's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
#pragma once

#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/table_definition.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct TagResourceRequest {
  std::string resource_arn;
  std::vector<Tag> tags;  // required
};

Result<TagResourceRequest> read_tag_resource(const JsonValue& json);

}  // namespace eddy::protocol
