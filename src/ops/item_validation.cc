// Item and key validation; see item_validation.h.
#include "ops/item_validation.h"

#include "model/errors.h"
#include "model/result.h"

namespace eddy::ops {
namespace {

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

const char* empty_word(AttributeType type) { return type == AttributeType::kS ? "string" : "binary"; }

Result<void> check_key_sizes(const TableDefinition& table, const Item& item) {
  std::size_t partition_bytes = 0;
  for (const auto& element : table.key.partition_key) partition_bytes += item.at(element.name).scalar.size();
  if (partition_bytes > kMaxPartitionKeyBytes) {
    return fail(errors::invalid_parameter("Size of hashkey has exceeded the maximum size limit of2048 bytes"));
  }
  std::size_t sort_bytes = 0;
  for (const auto& element : table.key.sort_key) sort_bytes += item.at(element.name).scalar.size();
  if (sort_bytes > kMaxSortKeyBytes) {
    return fail(
        errors::invalid_parameter("Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
  }
  return {};
}

Result<void> check_index_keys(const SecondaryIndex& index, const Item& item) {
  for (const auto* elements : {&index.key.partition_key, &index.key.sort_key}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end()) continue;
      if (it->second.type != element.type) {
        return fail(errors::invalid_parameter("Type mismatch for Index Key " + element.name +
                                              " Expected: " + type_name(element.type) +
                                              " Actual: " + type_name(it->second.type) + " IndexName: " + index.name));
      }
      if (empty_scalar(it->second)) {
        return validation_error(std::string("One or more parameter values are not valid. A value specified for a "
                                            "secondary index key is not supported. The AttributeValue for a key "
                                            "attribute cannot contain an empty ") +
                                empty_word(element.type) + " value. IndexName: " + index.name +
                                ", IndexKey: " + element.name);
      }
      // DynamoDB's key limits hold for index keys too: an item whose index key could not be stored
      // in the index is refused, naming the index.
      std::size_t limit = elements == &index.key.partition_key ? kMaxPartitionKeyBytes : kMaxSortKeyBytes;
      std::size_t size = it->second.scalar.size();
      if (size > limit) {
        return fail(errors::invalid_parameter(
            "Size limit exceeded for Index Key " + element.name + " Actual Size: " + std::to_string(size) +
            " bytes Max Size: " + std::to_string(limit) + " bytes IndexName: " + index.name));
      }
    }
  }
  return {};
}

// An update's own wording for an index key made empty.
Result<void> check_updated_index_values(const SecondaryIndex& index, const Item& item) {
  for (const auto* elements : {&index.key.partition_key, &index.key.sort_key}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end() || it->second.type != element.type || !empty_scalar(it->second)) continue;
      return validation_error(std::string("One or more parameter values are not valid. The update expression "
                                          "attempted to update a secondary index key to a value that is not "
                                          "supported. The AttributeValue for a key attribute cannot contain an "
                                          "empty ") +
                              empty_word(element.type) + " value. IndexName: " + index.name +
                              ", IndexKey: " + element.name);
    }
  }
  return {};
}

}  // namespace

Result<void> validate_key(const TableDefinition& table, const Item& key) {
  std::size_t expected = table.key.partition_key.size() + table.key.sort_key.size();
  if (key.size() != expected) return fail(errors::key_schema_mismatch());
  for (const auto* elements : {&table.key.partition_key, &table.key.sort_key}) {
    for (const auto& element : *elements) {
      auto it = key.find(element.name);
      if (it == key.end() || it->second.type != element.type) return fail(errors::key_schema_mismatch());
      if (empty_scalar(it->second)) {
        return validation_error(std::string("One or more parameter values are not valid. ") +
                                "The AttributeValue for a key attribute cannot contain an empty " +
                                empty_word(element.type) + " value. Key: " + element.name);
      }
    }
  }
  return check_key_sizes(table, key);
}

Result<void> validate_item(const TableDefinition& table, const Item& item) {
  for (const auto* elements : {&table.key.partition_key, &table.key.sort_key}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end()) return fail(errors::invalid_parameter("Missing the key " + element.name + " in the item"));
      if (it->second.type != element.type) {
        return fail(errors::invalid_parameter("Type mismatch for key " + element.name + " expected: " +
                                              type_name(element.type) + " actual: " + type_name(it->second.type)));
      }
      if (empty_scalar(it->second)) {
        return validation_error(std::string("One or more parameter values are not valid. The AttributeValue for a key "
                                            "attribute cannot contain an empty ") +
                                empty_word(element.type) + " value. Key: " + element.name);
      }
    }
  }
  EDDY_TRY_VOID(check_key_sizes(table, item));
  for (const auto* indexes : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *indexes) EDDY_TRY_VOID(check_index_keys(index, item));
  }
  if (item_size(item) > kMaxItemBytes) return validation_error("Item size has exceeded the maximum allowed size");
  return {};
}

Result<void> check_empty_key_values(const TableDefinition& table, const Item& item, bool with_indexes) {
  for (const auto* elements : {&table.key.partition_key, &table.key.sort_key}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end() || it->second.type != element.type || !empty_scalar(it->second)) continue;
      return validation_error(std::string("One or more parameter values are not valid. The AttributeValue for a key "
                                          "attribute cannot contain an empty ") +
                              empty_word(element.type) + " value. Key: " + element.name);
    }
  }
  if (!with_indexes) return {};
  for (const auto* indexes : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *indexes) {
      for (const auto* elements : {&index.key.partition_key, &index.key.sort_key}) {
        for (const auto& element : *elements) {
          auto it = item.find(element.name);
          if (it == item.end() || it->second.type != element.type || !empty_scalar(it->second)) continue;
          return check_index_keys(index, item);
        }
      }
    }
  }
  return {};
}

Result<void> validate_updated_nesting(const Item& item) {
  for (const auto& [name, value] : item) {
    if (nested_too_deep(value, 2)) return validation_error("Nesting Levels have exceeded supported limits");
  }
  return {};
}

Result<void> check_key_attributes_not_updated(const TableDefinition& table, const expr::Update& update) {
  for (const expr::DocumentPath& path : update.updated_paths()) {
    if (table.key.contains(path[0].name)) return fail(errors::key_attribute_updated(path[0].name));
  }
  return {};
}

Result<void> validate_updated_item(const TableDefinition& table, const Item& item) {
  for (const auto* indexes : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *indexes) EDDY_TRY_VOID(check_updated_index_values(index, item));
  }
  if (item_size(item) > kMaxItemBytes) return fail(errors::updated_item_too_large());
  return validate_item(table, item);
}

}  // namespace eddy::ops
