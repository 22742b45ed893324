// A single-item write's answer; see item_write_response.h.
#include "ops/item_write_response.h"

#include <algorithm>
#include <cmath>

#include "protocol/attribute_value_json.h"

namespace eddy::ops {

std::optional<CollectionMetric> item_collection_metric(const TableDefinition& table, const Item& item,
                                                       const engine::WriteOutcome& outcome, bool asked) {
  if (!asked || table.local_indexes.empty()) return std::nullopt;
  CollectionMetric metric;
  for (const auto& element : table.key.partition_key) {
    auto it = item.find(element.name);
    if (it != item.end()) metric.key.insert(*it);
  }
  metric.bytes = outcome.collection_bytes.value_or(0);
  return metric;
}

void write_collection_metric(JsonWriter& writer, const CollectionMetric& metric) {
  constexpr double kGigabyte = 1024.0 * 1024.0 * 1024.0;
  double lower = std::floor(static_cast<double>(std::max<int64_t>(metric.bytes, 0)) / kGigabyte);
  writer.StartObject();
  writer.Key("ItemCollectionKey");
  encode_attribute_map(writer, metric.key);
  writer.Key("SizeEstimateRangeGB");
  writer.StartArray();
  writer.Double(lower);
  writer.Double(lower + 1);
  writer.EndArray();
  writer.EndObject();
}

std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity, const std::optional<CollectionMetric>& metric) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (attributes && !attributes->empty()) {
    writer.Key("Attributes");
    encode_attribute_map(writer, *attributes);
  }
  write_consumed_capacity(writer, mode, capacity);
  if (metric) {
    writer.Key("ItemCollectionMetrics");
    write_collection_metric(writer, *metric);
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
