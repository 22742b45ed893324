// Secondary-index definitions; see index_definitions.h. Messages are DynamoDB's (the texts
// dynalite recorded against AWS where DynamoDB Local words them differently).
#include "protocol/requests/index_definitions.h"

#include <algorithm>
#include <set>

#include "model/errors.h"
#include "protocol/requests/table_settings.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kProjectionTypes[] = {"ALL", "INCLUDE", "KEYS_ONLY"};

const Shape<Projection>& projection_shape() {
  using R = Projection;
  static const Shape<R> shape{"Projection",
                              {
                                  member("ProjectionType", &R::projection_type, {one_of(kProjectionTypes)}),
                                  member("NonKeyAttributes", &R::non_key_attributes, {length(1, 20)}),
                              }};
  return shape;
}

// A table's and an LSI's key have at most two elements; a GSI's up to four of each kind.
Shape<IndexDefinition> index_shape(bool global) {
  using R = IndexDefinition;
  std::vector<Shape<R>::Member> members{
      member("IndexName", &R::index_name, {required(), name()}),
      member("KeySchema", &R::key_schema, key_schema_element_shape(),
             {required(), length(1, global ? 2 * kMaxMultiKeyAttributes : 2)})
          .nested_first(),
      member("Projection", &R::projection, projection_shape(), {required()}),
  };
  if (global) {
    members.push_back(member("ProvisionedThroughput", &R::provisioned_throughput, provisioned_throughput_shape()));
  }
  return Shape<R>(global ? "GlobalSecondaryIndex" : "LocalSecondaryIndex", std::move(members));
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

const std::vector<KeySchemaElement>& key_of(const IndexDefinition& index) {
  static const std::vector<KeySchemaElement> none;
  return index.key_schema ? *index.key_schema : none;
}

Result<void> check_defined(const std::vector<KeySchemaElement>& key, const std::vector<KeyElement>& definitions) {
  std::vector<std::string> keys;
  std::vector<std::string> defined;
  keys.reserve(key.size());
  defined.reserve(definitions.size());
  for (const auto& element : key) keys.push_back(element.attribute_name);
  for (const auto& definition : definitions) defined.push_back(definition.name);
  for (const auto& name : keys) {
    if (std::find(defined.begin(), defined.end(), name) == defined.end()) {
      return fail(
          errors::invalid_parameter("Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
                                    joined(keys) + "], AttributeDefinitions: [" + joined(defined) + "]"));
    }
  }
  return {};
}

Result<IndexProjection> resolve_projection(const IndexDefinition& index) {
  const Projection given = index.projection.value_or(Projection{});
  if (!given.projection_type) return fail(errors::invalid_parameter("Unknown ProjectionType: null"));
  const std::string& type = *given.projection_type;
  if (given.non_key_attributes && type != "INCLUDE") {
    return fail(errors::invalid_parameter("ProjectionType is " + type + ", but NonKeyAttributes is specified"));
  }
  IndexProjection projection;
  if (type == "ALL") return projection;
  if (type == "KEYS_ONLY") {
    projection.type = IndexProjection::Type::kKeysOnly;
    return projection;
  }
  if (!given.non_key_attributes) {
    return fail(
        errors::invalid_parameter("If Projection type INCLUDE is specified, some non-key attributes to include "
                                  "in the projection must be specified as well"));
  }
  projection.type = IndexProjection::Type::kInclude;
  std::set<std::string> seen;
  for (const auto& name : *given.non_key_attributes) {
    if (!seen.insert(name).second) {
      return fail(errors::invalid_parameter("Duplicate value in NonKeyAttributes: " + name));
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
      return fail(errors::invalid_parameter("NonKeyAttributes contains a key attribute: " + name));
    }
  }
  return {};
}

Result<void> check_local_key_order(const IndexDefinition& index, const TableDefinition& table) {
  const auto& elements = key_of(index);
  if (elements.size() == 2 && elements[0].attribute_name == elements[1].attribute_name) {
    return fail(errors::hash_and_range_same_name());
  }
  if (elements.empty() || elements[0].key_type != "HASH") return fail(errors::first_key_not_hash());
  if (elements.size() == 2 && elements[1].key_type != "RANGE") return fail(errors::second_key_not_range());
  if (elements.size() != 2) {
    return fail(errors::invalid_parameter("Index KeySchema does not have a range key for index: " + index.index_name));
  }
  if (elements[0].attribute_name != table.key.partition_attribute().name) {
    return fail(errors::invalid_parameter(
        "Index KeySchema does not have the same leading hash key as table KeySchema for index: " + index.index_name +
        ". index hash key: " + elements[0].attribute_name +
        ", table hash key: " + table.key.partition_attribute().name));
  }
  return {};
}

Result<SecondaryIndex> resolve_local_index(const IndexDefinition& index, const TableDefinition& table) {
  EDDY_TRY_VOID(check_defined(key_of(index), table.attribute_definitions));
  EDDY_TRY_VOID(check_local_key_order(index, table));
  EDDY_TRY(KeySchema key, resolve_key_schema(key_of(index), table.attribute_definitions, false));
  EDDY_TRY(IndexProjection projection, resolve_projection(index));
  SecondaryIndex resolved;
  resolved.name = index.index_name;
  resolved.key = std::move(key);
  resolved.projection = std::move(projection);
  return resolved;
}

Result<void> check_projected_total(const std::vector<SecondaryIndex>& local,
                                   const std::vector<SecondaryIndex>& global) {
  std::set<std::string> projected;
  for (const auto* list : {&local, &global}) {
    for (const auto& index : *list) {
      for (const auto& name : index.projection.non_key_attributes) projected.insert(name);
    }
  }
  if (projected.size() > kMaxProjectedAttributes) {
    return fail(errors::invalid_parameter(
        "The number of projected attributes in all indexes of the table exceeds the limit of " +
        std::to_string(kMaxProjectedAttributes)));
  }
  return {};
}

Result<void> resolve_local_indexes(TableDefinition& table, const std::vector<IndexDefinition>& indexes,
                                   std::set<std::string>& names) {
  if (indexes.empty()) return fail(errors::invalid_parameter("List of LocalSecondaryIndexes is empty"));
  if (!table.key.has_sort_key()) {
    return fail(errors::invalid_parameter(
        "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"));
  }
  for (const auto& definition : indexes) {
    EDDY_TRY(SecondaryIndex index, resolve_local_index(definition, table));
    if (!names.insert(definition.index_name).second) {
      return fail(errors::invalid_parameter("Duplicate index name: " + definition.index_name));
    }
    EDDY_TRY_VOID(check_non_key_attributes(index.projection, table.key, index.key));
    table.local_indexes.push_back(std::move(index));
  }
  if (indexes.size() > kMaxLocalIndexes) {
    return fail(errors::invalid_parameter("Number of LocalSecondaryIndexes exceeds per-table limit of 5"));
  }
  return {};
}

Result<void> resolve_global_indexes(TableDefinition& table, const std::vector<IndexDefinition>& indexes,
                                    std::set<std::string>& names) {
  if (indexes.empty()) return fail(errors::invalid_parameter("List of GlobalSecondaryIndexes is empty"));
  for (const auto& definition : indexes) {
    EDDY_TRY(SecondaryIndex index, resolve_global_index(definition, table.attribute_definitions, table.billing_mode));
    if (!names.insert(definition.index_name).second) {
      return fail(errors::invalid_parameter("Duplicate index name: " + definition.index_name));
    }
    EDDY_TRY_VOID(check_non_key_attributes(index.projection, table.key, index.key));
    table.global_indexes.push_back(std::move(index));
  }
  if (indexes.size() > kMaxGlobalIndexes) {
    return fail(errors::invalid_parameter("GlobalSecondaryIndex count exceeds the per-table limit of " +
                                          std::to_string(kMaxGlobalIndexes)));
  }
  return {};
}

}  // namespace

const Shape<IndexDefinition>& local_index_shape() {
  static const Shape<IndexDefinition> shape = index_shape(false);
  return shape;
}

const Shape<IndexDefinition>& global_index_shape() {
  static const Shape<IndexDefinition> shape = index_shape(true);
  return shape;
}

Result<SecondaryIndex> resolve_global_index(const IndexDefinition& definition,
                                            const std::vector<KeyElement>& definitions,
                                            const std::string& billing_mode) {
  EDDY_TRY_VOID(check_defined(key_of(definition), definitions));
  EDDY_TRY(KeySchema key, resolve_key_schema(key_of(definition), definitions, true));
  if (key.partition_key.size() > kMaxMultiKeyAttributes) {
    return validation_error("Too many partition keys. GSI can have at most 4 partition keys");
  }
  if (key.sort_key.size() > kMaxMultiKeyAttributes) {
    return validation_error("Too many sort keys. GSI can have at most 4 sort keys");
  }
  EDDY_TRY(IndexProjection projection, resolve_projection(definition));
  if (billing_mode == "PAY_PER_REQUEST" && definition.provisioned_throughput) {
    return fail(errors::invalid_parameter("ProvisionedThroughput should not be specified for index: " +
                                          definition.index_name + " when BillingMode is PAY_PER_REQUEST"));
  }
  if (billing_mode != "PAY_PER_REQUEST" && !definition.provisioned_throughput) {
    return fail(
        errors::invalid_parameter("ProvisionedThroughput must be specified for index: " + definition.index_name));
  }
  SecondaryIndex index;
  index.name = definition.index_name;
  index.key = std::move(key);
  index.projection = std::move(projection);
  if (definition.provisioned_throughput) index.throughput = *definition.provisioned_throughput;
  return index;
}

Result<void> resolve_create_table_indexes(TableDefinition& table,
                                          const std::optional<std::vector<IndexDefinition>>& local_indexes,
                                          const std::optional<std::vector<IndexDefinition>>& global_indexes) {
  std::set<std::string> names;
  if (local_indexes) EDDY_TRY_VOID(resolve_local_indexes(table, *local_indexes, names));
  if (global_indexes) EDDY_TRY_VOID(resolve_global_indexes(table, *global_indexes, names));
  return check_projected_total(table.local_indexes, table.global_indexes);
}

}  // namespace eddy::protocol
