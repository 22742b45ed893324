// Shared batch and transaction pieces; see batch_request.h.
#include "ops/batch_request.h"

#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

bool valid_table_name(std::string_view name) {
  if (name.size() < 3 || name.size() > 255) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string map_text(const JsonValue& object) {
  std::string text = "{";
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (it != object.MemberBegin()) text += ", ";
    text += std::string(it->name.GetString(), it->name.GetStringLength()) + "=...";
  }
  return text + "}";
}

std::string list_text(const JsonValue& array) { return array.Empty() ? "[]" : "[...]"; }

void check_table_name_keys(ConstraintViolations& violations, const char* path, const JsonValue& map) {
  for (auto it = map.MemberBegin(); it != map.MemberEnd(); ++it) {
    if (valid_table_name(std::string_view(it->name.GetString(), it->name.GetStringLength()))) continue;
    violations.add(path, map_text(map),
                   "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
                   "Member must have length greater than or equal to 3, "
                   "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
    return;
  }
}

std::string key_identity(const Item& key) { return attribute_map_to_json(key); }

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

void CapacityTotals::write(JsonWriter& writer, CapacityMode mode) const {
  if (mode == CapacityMode::kNone) return;
  writer.Key("ConsumedCapacity");
  writer.StartArray();
  for (const auto& table : tables_) write_capacity_object(writer, mode, table);
  writer.EndArray();
}

void CollectionMetrics::add(const TableDefinition& table, const Item& item) {
  if (table.local_indexes.empty()) return;
  Item partition;
  for (const auto& element : table.key.hash) {
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

void CollectionMetrics::write(JsonWriter& writer) const {
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
