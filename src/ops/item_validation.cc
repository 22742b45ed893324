// Item and key validation; see item_validation.h.
#include "ops/item_validation.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

constexpr int kMaxNestingLevels = 32;

// True when `value`, at `level`, has maps or lists deeper than the limit; stops descending there.
bool nested_too_deep(const AttributeValue& value, int level) {
  if (value.type != AttributeType::kM && value.type != AttributeType::kL) return false;
  if (level > kMaxNestingLevels) return true;
  if (value.type == AttributeType::kM) {
    for (const auto& [name, member] : value.map) {
      if (nested_too_deep(member, level + 1)) return true;
    }
    return false;
  }
  for (const auto& element : value.list) {
    if (nested_too_deep(element, level + 1)) return true;
  }
  return false;
}

bool empty_scalar(const AttributeValue& value) {
  return (value.type == AttributeType::kS || value.type == AttributeType::kB) && value.scalar.empty();
}

Result<void> check_key_sizes(const TableDefinition& table, const Item& item) {
  std::size_t hash_bytes = 0;
  for (const auto& element : table.key.hash) hash_bytes += item.at(element.name).scalar.size();
  if (hash_bytes > kMaxPartitionKeyBytes) {
    return validation_error(std::string(kInvalid) + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }
  std::size_t range_bytes = 0;
  for (const auto& element : table.key.range) range_bytes += item.at(element.name).scalar.size();
  if (range_bytes > kMaxSortKeyBytes) {
    return validation_error(std::string(kInvalid) +
                            "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
  }
  return {};
}

Result<void> check_index_keys(const TableDefinition& table, const SecondaryIndex& index, const Item& item) {
  for (const auto* elements : {&index.key.hash, &index.key.range}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end()) continue;
      if (it->second.type != element.type) {
        return validation_error(std::string(kInvalid) + "Type mismatch for Index Key " + element.name +
                                " Expected: " + type_name(element.type) + " Actual: " + type_name(it->second.type) +
                                " IndexName: " + index.name);
      }
      if (empty_scalar(it->second)) {
        return validation_error(std::string(kInvalid) +
                                "One or more parameter values are not valid. A value specified for a secondary index "
                                "key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                                "string value. IndexName: " + index.name + ", IndexKey: " + element.name);
      }
    }
  }
  return {};
}

}  // namespace

Result<void> validate_key(const TableDefinition& table, const Item& key) {
  std::size_t expected = table.key.hash.size() + table.key.range.size();
  if (key.size() != expected) return validation_error("The provided key element does not match the schema");
  for (const auto* elements : {&table.key.hash, &table.key.range}) {
    for (const auto& element : *elements) {
      auto it = key.find(element.name);
      if (it == key.end() || it->second.type != element.type) {
        return validation_error("The provided key element does not match the schema");
      }
      if (empty_scalar(it->second)) {
        return validation_error(std::string("One or more parameter values are not valid. ") +
                                "The AttributeValue for a key attribute cannot contain an empty " +
                                (element.type == AttributeType::kS ? "string" : "binary") +
                                " value. Key: " + element.name);
      }
    }
  }
  return check_key_sizes(table, key);
}

Result<void> validate_item(const TableDefinition& table, const Item& item) {
  for (const auto* elements : {&table.key.hash, &table.key.range}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end()) {
        return validation_error(std::string(kInvalid) + "Missing the key " + element.name + " in the item");
      }
      if (it->second.type != element.type) {
        return validation_error(std::string(kInvalid) + "Type mismatch for key " + element.name + " expected: " +
                                type_name(element.type) + " actual: " + type_name(it->second.type));
      }
      if (empty_scalar(it->second)) {
        return validation_error(std::string("One or more parameter values are not valid. The AttributeValue for a key "
                                            "attribute cannot contain an empty ") +
                                (element.type == AttributeType::kS ? "string" : "binary") +
                                " value. Key: " + element.name);
      }
    }
  }
  if (auto sizes = check_key_sizes(table, item); !sizes) return sizes;
  for (const auto& index : table.local_indexes) {
    if (auto checked = check_index_keys(table, index, item); !checked) return checked;
  }
  for (const auto& index : table.global_indexes) {
    if (auto checked = check_index_keys(table, index, item); !checked) return checked;
  }
  return validate_item_size(item);
}

Result<void> validate_item_size(const Item& item) {
  if (item_size(item) > kMaxItemBytes) return validation_error("Item size has exceeded the maximum allowed size");
  return {};
}

Result<void> validate_updated_nesting(const Item& item) {
  for (const auto& [name, value] : item) {
    if (nested_too_deep(value, 2)) return validation_error("Nesting Levels have exceeded supported limits");
  }
  return {};
}

}  // namespace eddy::ops
