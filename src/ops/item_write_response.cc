// A single-item write's answer; see item_write_response.h.
#include "ops/item_write_response.h"

#include "protocol/attribute_value_json.h"

namespace eddy::ops {

std::optional<Item> item_collection_key(const TableDefinition& table, const Item& item, bool asked) {
  if (!asked || table.local_indexes.empty()) return std::nullopt;
  Item key;
  for (const auto& element : table.key.partition_key) {
    auto it = item.find(element.name);
    if (it != item.end()) key.insert(*it);
  }
  return key;
}

std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity, const std::optional<Item>& collection_key) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (attributes && !attributes->empty()) {
    writer.Key("Attributes");
    encode_attribute_map(writer, *attributes);
  }
  write_consumed_capacity(writer, mode, capacity);
  if (collection_key) {
    writer.Key("ItemCollectionMetrics");
    writer.StartObject();
    writer.Key("ItemCollectionKey");
    encode_attribute_map(writer, *collection_key);
    // The same first band BatchWriteItem reports (batch_response.h): eddy does not size collections.
    writer.Key("SizeEstimateRangeGB");
    writer.StartArray();
    writer.Double(0.0);
    writer.Double(1.0);
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
