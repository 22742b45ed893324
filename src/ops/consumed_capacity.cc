// Capacity units; see consumed_capacity.h.
#include "ops/consumed_capacity.h"

#include <cmath>

#include "engine/index_writer.h"

namespace eddy::ops {

double write_units(std::size_t bytes) { return std::max(1.0, std::ceil(static_cast<double>(bytes) / 1024.0)); }

double read_units(std::size_t bytes, bool consistent) {
  double units = std::max(1.0, std::ceil(static_cast<double>(bytes) / 4096.0));
  return consistent ? units : units / 2;
}

double ConsumedCapacity::total() const {
  double sum = table_units;
  for (const auto& [name, units] : global_indexes) sum += units;
  for (const auto& [name, units] : local_indexes) sum += units;
  return sum;
}

ConsumedCapacity write_capacity(const TableDefinition& table, const std::optional<Item>& old_item,
                                const std::optional<Item>& new_item) {
  ConsumedCapacity capacity;
  capacity.table_name = table.name;
  std::size_t old_bytes = old_item ? item_size(*old_item) : 0;
  std::size_t new_bytes = new_item ? item_size(*new_item) : 0;
  capacity.table_units = write_units(std::max(old_bytes, new_bytes));
  auto index_units = [&](const SecondaryIndex& index) -> double {
    bool in_old = old_item && engine::index_entry_key(table, index, *old_item).has_value();
    bool in_new = new_item && engine::index_entry_key(table, index, *new_item).has_value();
    double units = 0;
    if (in_old) units += write_units(item_size(engine::project_for_index(table, index, *old_item)));
    if (in_new) units += write_units(item_size(engine::project_for_index(table, index, *new_item)));
    if (in_old && in_new &&
        engine::index_entry_key(table, index, *old_item) == engine::index_entry_key(table, index, *new_item)) {
      units = write_units(std::max(item_size(engine::project_for_index(table, index, *old_item)),
                                   item_size(engine::project_for_index(table, index, *new_item))));
    }
    return units;
  };
  for (const auto& index : table.global_indexes) {
    double units = index_units(index);
    if (units > 0) capacity.global_indexes[index.name] = units;
  }
  for (const auto& index : table.local_indexes) {
    double units = index_units(index);
    if (units > 0) capacity.local_indexes[index.name] = units;
  }
  return capacity;
}

void write_capacity_object(JsonWriter& w, ReturnConsumedCapacity mode, const ConsumedCapacity& capacity) {
  w.StartObject();
  w.Key("TableName");
  w.String(capacity.table_name.data(), static_cast<rapidjson::SizeType>(capacity.table_name.size()));
  w.Key("CapacityUnits");
  w.Double(capacity.total());
  if (mode == ReturnConsumedCapacity::kIndexes) {
    w.Key("Table");
    w.StartObject();
    w.Key("CapacityUnits");
    w.Double(capacity.table_units);
    w.EndObject();
    auto indexes = [&](const char* member, const std::map<std::string, double>& units) {
      if (units.empty()) return;
      w.Key(member);
      w.StartObject();
      for (const auto& [name, value] : units) {
        w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
        w.StartObject();
        w.Key("CapacityUnits");
        w.Double(value);
        w.EndObject();
      }
      w.EndObject();
    };
    indexes("GlobalSecondaryIndexes", capacity.global_indexes);
    indexes("LocalSecondaryIndexes", capacity.local_indexes);
  }
  w.EndObject();
}

void write_consumed_capacity(JsonWriter& w, ReturnConsumedCapacity mode, const ConsumedCapacity& capacity) {
  if (mode == ReturnConsumedCapacity::kNone) return;
  w.Key("ConsumedCapacity");
  write_capacity_object(w, mode, capacity);
}

}  // namespace eddy::ops
