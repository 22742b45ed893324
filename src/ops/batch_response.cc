// Shared batch and transaction answers; see batch_response.h.
#include "ops/batch_response.h"

#include "protocol/attribute_value_json.h"

namespace eddy::ops {

void CapacityTotals::add(const ConsumedCapacity& capacity, double factor) {
  ConsumedCapacity* total = nullptr;
  for (auto& table : tables_) {
    if (table.table_name == capacity.table_name) total = &table;
  }
  if (total == nullptr) {
    tables_.push_back(ConsumedCapacity{capacity.table_name, 0, {}, {}});
    total = &tables_.back();
  }
  total->table_units += capacity.table_units * factor;
  for (const auto& [name, units] : capacity.global_indexes) total->global_indexes[name] += units * factor;
  for (const auto& [name, units] : capacity.local_indexes) total->local_indexes[name] += units * factor;
}

void CapacityTotals::write(JsonWriter& writer, ReturnConsumedCapacity mode) const {
  if (mode == ReturnConsumedCapacity::kNone) return;
  writer.Key("ConsumedCapacity");
  writer.StartArray();
  for (const auto& table : tables_) write_capacity_object(writer, mode, table);
  writer.EndArray();
}

void ItemCollectionMetrics::add(const TableDefinition& table, const Item& item) {
  if (table.local_indexes.empty()) return;
  Item partition;
  for (const auto& element : table.key.partition_key) {
    auto it = item.find(element.name);
    if (it != item.end()) partition.insert(*it);
  }
  for (auto& [name, keys] : tables_) {
    if (name != table.name) continue;
    for (const auto& known : keys) {
      if (known == partition) return;
    }
    keys.push_back(std::move(partition));
    return;
  }
  tables_.push_back({table.name, {std::move(partition)}});
}

void ItemCollectionMetrics::write(JsonWriter& writer) const {
  if (tables_.empty()) return;
  writer.Key("ItemCollectionMetrics");
  writer.StartObject();
  for (const auto& [name, keys] : tables_) {
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    writer.StartArray();
    for (const auto& key : keys) {
      writer.StartObject();
      writer.Key("ItemCollectionKey");
      encode_attribute_map(writer, key);
      // Local item collections stay far below DynamoDB's 10 GB limit; the estimate is its first band.
      writer.Key("SizeEstimateRangeGB");
      writer.StartArray();
      writer.Double(0.0);
      writer.Double(1.0);
      writer.EndArray();
      writer.EndObject();
    }
    writer.EndArray();
  }
  writer.EndObject();
}

}  // namespace eddy::ops
