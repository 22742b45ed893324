// ListTagsOfResource's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html
#pragma once

#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

struct ListTagsOfResourceRequest {
  std::string resource_arn;
};

Result<ListTagsOfResourceRequest> read_list_tags_of_resource(const JsonValue& json);

}  // namespace eddy::protocol
