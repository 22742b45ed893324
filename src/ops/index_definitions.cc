// Secondary-index definitions; see index_definitions.h. Messages are DynamoDB's (the texts
// dynalite recorded against AWS where DynamoDB Local words them differently).
#include "ops/index_definitions.h"

#include <algorithm>
#include <set>

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

Result<void> check_defined(const KeySchemaInput& key, const std::vector<KeyElement>& definitions) {
  std::vector<std::string> keys;
  std::vector<std::string> defined;
  for (const auto& [name, type] : key.elements) keys.push_back(name);
  for (const auto& definition : definitions) defined.push_back(definition.name);
  for (const auto& name : keys) {
    if (std::find(defined.begin(), defined.end(), name) == defined.end()) {
      return validation_error(std::string(kInvalid) +
                              "Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
                              joined(keys) + "], AttributeDefinitions: [" + joined(defined) + "]");
    }
  }
  return {};
}

Result<IndexProjection> resolve_projection(const IndexInput& input) {
  if (!input.projection_type) return validation_error(std::string(kInvalid) + "Unknown ProjectionType: null");
  const std::string& type = *input.projection_type;
  if (input.non_key_attributes && type != "INCLUDE") {
    return validation_error(std::string(kInvalid) + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
  }
  IndexProjection projection;
  if (type == "ALL") return projection;
  if (type == "KEYS_ONLY") {
    projection.type = IndexProjection::Type::kKeysOnly;
    return projection;
  }
  if (!input.non_key_attributes) {
    return validation_error(std::string(kInvalid) +
                            "If Projection type INCLUDE is specified, some non-key attributes to include in the "
                            "projection must be specified as well");
  }
  projection.type = IndexProjection::Type::kInclude;
  std::set<std::string> seen;
  for (const auto& name : *input.non_key_attributes) {
    if (!seen.insert(name).second) {
      return validation_error(std::string(kInvalid) + "Duplicate value in NonKeyAttributes: " + name);
    }
    projection.non_key_attributes.push_back(name);
  }
  return projection;
}

// Key attributes may not be listed in NonKeyAttributes; they are always projected.
Result<void> check_non_key_attributes(const IndexProjection& projection, const KeySchema& table_key,
                                      const KeySchema& index_key) {
  for (const auto& name : projection.non_key_attributes) {
    if (table_key.contains(name) || index_key.contains(name)) {
      return validation_error(std::string(kInvalid) + "NonKeyAttributes contains a key attribute: " + name);
    }
  }
  return {};
}

Result<SecondaryIndex> resolve_local_index(const IndexInput& input, const TableDefinition& table) {
  if (auto defined = check_defined(input.key, table.attribute_definitions); !defined) return fail(defined.error());
  const auto& elements = input.key.elements;
  if (elements.size() == 2 && elements[0].first == elements[1].first) {
    return validation_error("Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }
  if (elements.empty() || elements[0].second != "HASH") {
    return validation_error("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }
  if (elements.size() == 2 && elements[1].second != "RANGE") {
    return validation_error("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }
  if (elements.size() != 2) {
    return validation_error(std::string(kInvalid) + "Index KeySchema does not have a range key for index: " +
                            input.name);
  }
  if (elements[0].first != table.key.partition().name) {
    return validation_error(std::string(kInvalid) +
                            "Index KeySchema does not have the same leading hash key as table KeySchema for index: " +
                            input.name + ". index hash key: " + elements[0].first +
                            ", table hash key: " + table.key.partition().name);
  }
  auto key = resolve_key_schema(input.key, table.attribute_definitions, false);
  if (!key) return fail(key.error());
  auto projection = resolve_projection(input);
  if (!projection) return fail(projection.error());
  SecondaryIndex index;
  index.name = input.name;
  index.key = std::move(*key);
  index.projection = std::move(*projection);
  return index;
}

Result<void> check_projected_total(const std::vector<SecondaryIndex>& local, const std::vector<SecondaryIndex>& global) {
  std::set<std::string> projected;
  for (const auto* list : {&local, &global}) {
    for (const auto& index : *list) {
      for (const auto& name : index.projection.non_key_attributes) projected.insert(name);
    }
  }
  if (projected.size() > kMaxProjectedAttributes) {
    return validation_error(std::string(kInvalid) +
                            "The number of projected attributes in all indexes of the table exceeds the limit of " +
                            std::to_string(kMaxProjectedAttributes));
  }
  return {};
}

}  // namespace

Result<IndexInput> read_index_input(const JsonValue& object, const std::string& path, bool global,
                                    ConstraintViolations& violations) {
  IndexInput input;
  auto name = read_string(object, "IndexName");
  if (!name) return fail(name.error());
  violations.index_name(path + ".indexName", *name);
  input.name = name->value_or("");
  auto key = read_key_schema(object, "KeySchema", path + ".keySchema", violations);
  if (!key) return fail(key.error());
  violations.not_null(path + ".keySchema", key->has_value());
  std::size_t max_key = global ? 2 * kMaxMultiKeyAttributes : 2;
  if (*key && ((*key)->elements.empty() || (*key)->elements.size() > max_key)) {
    violations.add(path + ".keySchema", std::nullopt,
                   (*key)->elements.empty() ? "Member must have length greater than or equal to 1"
                                            : "Member must have length less than or equal to " + std::to_string(max_key));
  }
  if (*key) input.key = std::move(**key);
  auto projection = read_object(object, "Projection");
  if (!projection) return fail(projection.error());
  violations.not_null(path + ".projection", *projection != nullptr);
  if (*projection != nullptr) {
    input.has_projection = true;
    auto type = read_string(**projection, "ProjectionType");
    if (!type) return fail(type.error());
    violations.enum_value(path + ".projection.projectionType", *type, {"ALL", "KEYS_ONLY", "INCLUDE"});
    input.projection_type = *type;
    auto non_key = read_string_list(**projection, "NonKeyAttributes");
    if (!non_key) return fail(non_key.error());
    if (*non_key && ((*non_key)->empty() || (*non_key)->size() > 20)) {
      std::string shown = "[";
      for (const auto& name : **non_key) shown += (shown.size() > 1 ? ", " : "") + name;
      violations.add(path + ".projection.nonKeyAttributes", shown + "]",
                     (*non_key)->empty() ? "Member must have length greater than or equal to 1"
                                         : "Member must have length less than or equal to 20");
    }
    input.non_key_attributes = *non_key;
  }
  if (global) {
    auto throughput = read_throughput(object, "ProvisionedThroughput", path + ".provisionedThroughput", violations);
    if (!throughput) return fail(throughput.error());
    input.throughput = *throughput;
  }
  return input;
}

Result<std::optional<std::vector<IndexInput>>> read_index_inputs(const JsonValue& request, const char* member,
                                                                 const char* path, bool global,
                                                                 ConstraintViolations& violations) {
  auto array = read_array(request, member);
  if (!array) return fail(array.error());
  if (*array == nullptr) return std::optional<std::vector<IndexInput>>();
  std::vector<IndexInput> inputs;
  std::size_t position = 0;
  for (const auto& element : (*array)->GetArray()) {
    ++position;
    if (!element.IsObject()) return fail(wrong_type(member, element));
    auto input = read_index_input(element, std::string(path) + "." + std::to_string(position) + ".member", global,
                                  violations);
    if (!input) return fail(input.error());
    inputs.push_back(std::move(*input));
  }
  return std::optional<std::vector<IndexInput>>(std::move(inputs));
}

Result<SecondaryIndex> resolve_global_index(const IndexInput& input, const std::vector<KeyElement>& definitions,
                                            const std::string& billing_mode) {
  if (auto defined = check_defined(input.key, definitions); !defined) return fail(defined.error());
  auto key = resolve_key_schema(input.key, definitions, true);
  if (!key) return fail(key.error());
  if (key->hash.size() > kMaxMultiKeyAttributes) {
    return validation_error("Too many partition keys. GSI can have at most 4 partition keys");
  }
  if (key->range.size() > kMaxMultiKeyAttributes) {
    return validation_error("Too many sort keys. GSI can have at most 4 sort keys");
  }
  auto projection = resolve_projection(input);
  if (!projection) return fail(projection.error());
  if (billing_mode == "PAY_PER_REQUEST" && input.throughput) {
    return validation_error(std::string(kInvalid) + "ProvisionedThroughput should not be specified for index: " +
                            input.name + " when BillingMode is PAY_PER_REQUEST");
  }
  if (billing_mode != "PAY_PER_REQUEST" && !input.throughput) {
    return validation_error(std::string(kInvalid) + "ProvisionedThroughput must be specified for index: " +
                            input.name);
  }
  SecondaryIndex index;
  index.name = input.name;
  index.key = std::move(*key);
  index.projection = std::move(*projection);
  if (input.throughput) index.throughput = *input.throughput;
  return index;
}

Result<void> resolve_create_table_indexes(TableDefinition& table,
                                          const std::optional<std::vector<IndexInput>>& local_inputs,
                                          const std::optional<std::vector<IndexInput>>& global_inputs,
                                          const std::string& billing_mode) {
  std::set<std::string> names;
  if (local_inputs) {
    if (local_inputs->empty()) return validation_error(std::string(kInvalid) + "List of LocalSecondaryIndexes is empty");
    if (!table.key.has_range()) {
      return validation_error(std::string(kInvalid) +
                              "Table KeySchema does not have a range key, which is required when specifying a "
                              "LocalSecondaryIndex");
    }
    for (const auto& input : *local_inputs) {
      auto index = resolve_local_index(input, table);
      if (!index) return fail(index.error());
      if (!names.insert(input.name).second) {
        return validation_error(std::string(kInvalid) + "Duplicate index name: " + input.name);
      }
      if (auto checked = check_non_key_attributes(index->projection, table.key, index->key); !checked) return checked;
      table.local_indexes.push_back(std::move(*index));
    }
    if (local_inputs->size() > kMaxLocalIndexes) {
      return validation_error(std::string(kInvalid) + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }
  }
  if (global_inputs) {
    if (global_inputs->empty()) {
      return validation_error(std::string(kInvalid) + "List of GlobalSecondaryIndexes is empty");
    }
    for (const auto& input : *global_inputs) {
      auto index = resolve_global_index(input, table.attribute_definitions, billing_mode);
      if (!index) return fail(index.error());
      if (!names.insert(input.name).second) {
        return validation_error(std::string(kInvalid) + "Duplicate index name: " + input.name);
      }
      if (auto checked = check_non_key_attributes(index->projection, table.key, index->key); !checked) return checked;
      table.global_indexes.push_back(std::move(*index));
    }
    if (global_inputs->size() > kMaxGlobalIndexes) {
      return validation_error(std::string(kInvalid) +
                              "GlobalSecondaryIndex count exceeds the per-table limit of " +
                              std::to_string(kMaxGlobalIndexes));
    }
  }
  return check_projected_total(table.local_indexes, table.global_indexes);
}

}  // namespace eddy::ops
