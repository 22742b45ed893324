// A single-item write's answer; see item_write_response.h.
#include "ops/item_write_response.h"

#include "protocol/attribute_value_json.h"

namespace eddy::ops {

std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (attributes && !attributes->empty()) {
    writer.Key("Attributes");
    encode_attribute_map(writer, *attributes);
  }
  write_consumed_capacity(writer, mode, capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
