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

void ItemCollectionMetrics::add(const TableDefinition& table, const Item& item, const engine::WriteOutcome& outcome) {
  std::optional<CollectionMetric> metric = item_collection_metric(table, item, outcome, true);
  if (!metric) return;
  for (auto& [name, metrics] : tables_) {
    if (name != table.name) continue;
    for (auto& known : metrics) {
      if (known.key != metric->key) continue;
      known.bytes = metric->bytes;  // the later write saw the collection as the earlier one left it
      return;
    }
    metrics.push_back(std::move(*metric));
    return;
  }
  tables_.push_back({table.name, {std::move(*metric)}});
}

void ItemCollectionMetrics::write(JsonWriter& writer) const {
  if (tables_.empty()) return;
  writer.Key("ItemCollectionMetrics");
  writer.StartObject();
  for (const auto& [name, metrics] : tables_) {
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    writer.StartArray();
    for (const auto& metric : metrics) write_collection_metric(writer, metric);
    writer.EndArray();
  }
  writer.EndObject();
}

}  // namespace eddy::ops
