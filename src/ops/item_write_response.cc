// A single-item write's answer; see item_write_response.h.
#include "ops/item_write_response.h"

#include <algorithm>

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

SizeEstimateRange size_estimate_range_gb(int64_t bytes) {
  constexpr int64_t kGigabyte = int64_t{1} << 30;
  // Whole gigabytes in integers, so that a size just under a boundary never rounds up to it.
  int64_t whole_gigabytes = std::max<int64_t>(bytes, 0) / kGigabyte;
  auto lower = static_cast<double>(whole_gigabytes);
  return {lower, lower + 1};
}

void write_collection_metric(JsonWriter& writer, const CollectionMetric& metric) {
  SizeEstimateRange range = size_estimate_range_gb(metric.bytes);
  writer.StartObject();
  writer.Key("ItemCollectionKey");
  encode_attribute_map(writer, metric.key);
  writer.Key("SizeEstimateRangeGB");
  writer.StartArray();
  writer.Double(range.lower);
  writer.Double(range.upper);
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
