// ListTagsOfResource: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html
// All of a table's tags fit in one page (at most 50), so NextToken is never returned.
#include "model/result.h"
#include "ops/operations.h"
#include "ops/resource_arn.h"
#include "protocol/table_description_json.h"

namespace eddy::ops {

Result<std::string> list_tags_of_resource(RequestContext& context, const p::ListTagsOfResourceRequest& request) {
  EDDY_TRY(engine::TablePtr table, table_of_resource_arn(context, request.resource_arn));
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Tags");
  writer.StartArray();
  for (const Tag& tag : table->tags) {
    writer.StartObject();
    write_string(writer, "Key", tag.key);
    write_string(writer, "Value", tag.value);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
