// CreateTable's request declared, and the table it describes; see create_table.h.
#include "protocol/requests/create_table.h"

#include <algorithm>

#include "model/errors.h"

namespace eddy::protocol {
namespace {

using R = CreateTableRequest;

constexpr std::string_view kBillingModes[] = {"PROVISIONED", "PAY_PER_REQUEST"};
constexpr std::string_view kTableClasses[] = {"STANDARD", "STANDARD_INFREQUENT_ACCESS"};

// Each attribute defined once ("Attribute Name is duplicated: a"); without indexes, each key
// attribute defined, before the key schema's own order is checked (with indexes, the index checks
// name the undefined keys).
Result<void> check_definitions(const R& request) {
  const auto& definitions = *request.attribute_definitions;
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (definitions[i].attribute_name == definitions[j].attribute_name) {
        return validation_error("Attribute Name is duplicated: " + definitions[i].attribute_name);
      }
    }
  }
  if (request.local_secondary_indexes || request.global_secondary_indexes) return {};
  for (const auto& element : *request.key_schema) {
    auto defined = std::find_if(definitions.begin(), definitions.end(), [&](const AttributeDefinition& d) {
      return d.attribute_name == element.attribute_name;
    });
    if (defined == definitions.end()) {
      return validation_error("Invalid KeySchema: Some index key attribute have no definition");
    }
  }
  return {};
}

// The members as given, into the definition: schema and the plain settings.
Result<void> describe_table(R& request) {
  EDDY_TRY_VOID(check_definitions(request));
  TableDefinition& table = request.table;
  table.name = request.table_name;
  table.attribute_definitions = key_elements(*request.attribute_definitions);
  EDDY_TRY(table.key, resolve_key_schema(*request.key_schema, table.attribute_definitions, false));
  table.table_class = request.table_class.value_or("STANDARD");
  table.deletion_protection = request.deletion_protection_enabled.value_or(false);
  if (request.stream_specification) table.stream = stream_settings(*request.stream_specification);
  if (request.sse_specification) table.sse = sse_description(*request.sse_specification);
  if (request.tags) table.tags = *request.tags;
  return {};
}

Result<void> check_billing(R& request) {
  TableDefinition& table = request.table;
  std::string mode = request.billing_mode.value_or("PROVISIONED");
  if (mode == "PROVISIONED" && !request.provisioned_throughput) {
    return fail(errors::invalid_parameter(
        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
  }
  if (mode == "PAY_PER_REQUEST" && request.provisioned_throughput) {
    return fail(errors::throughput_with_pay_per_request());
  }
  table.billing_mode = mode;
  if (request.provisioned_throughput) table.throughput = *request.provisioned_throughput;
  return {};
}

// Every definition must be used by a key of the table or of an index.
Result<void> check_definitions_used(const TableDefinition& table) {
  std::vector<std::string> used = table.key.attribute_names();
  for (const auto* indexes : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *indexes) {
      for (const auto& name : index.key.attribute_names()) used.push_back(name);
    }
  }
  for (const auto& definition : table.attribute_definitions) {
    if (std::find(used.begin(), used.end(), definition.name) == used.end()) {
      return fail(errors::invalid_parameter(
          "Number of attributes in KeySchema does not exactly match number of attributes defined in "
          "AttributeDefinitions"));
    }
  }
  return {};
}

Result<void> check_stream(const TableDefinition& table) {
  if (table.stream.enabled && table.stream.view_type.empty()) {
    return validation_error("Table is being created with a stream enabled, UpdateViewType is required");
  }
  if (!table.stream.enabled && !table.stream.view_type.empty()) {
    return validation_error("Table is being created with a stream disabled, UpdateViewType should not be specified");
  }
  return {};
}

Result<void> check_table(R& request, const JsonValue&) {
  EDDY_TRY_VOID(describe_table(request));
  EDDY_TRY_VOID(check_billing(request));
  EDDY_TRY_VOID(
      resolve_create_table_indexes(request.table, request.local_secondary_indexes, request.global_secondary_indexes));
  EDDY_TRY_VOID(check_definitions_used(request.table));
  return check_stream(request.table);
}

const Shape<R>& shape() {
  static const Shape<R> shape{
      {
          member("AttributeDefinitions", &R::attribute_definitions, attribute_definition_shape(), {required()}),
          member("TableName", &R::table_name, {required_parameter(), name()}),
          member("KeySchema", &R::key_schema, key_schema_element_shape(), {required(), length(1, 2)}).nested_first(),
          member("LocalSecondaryIndexes", &R::local_secondary_indexes, local_index_shape()),
          member("GlobalSecondaryIndexes", &R::global_secondary_indexes, global_index_shape()),
          member("ProvisionedThroughput", &R::provisioned_throughput, provisioned_throughput_shape()),
          member("BillingMode", &R::billing_mode, {one_of(kBillingModes)}),
          member("TableClass", &R::table_class, {one_of(kTableClasses)}),
          member("StreamSpecification", &R::stream_specification, stream_specification_shape()),
          // CreateTable's tags are not checked (AWS checks them as TagResource's).
          member("Tags", &R::tags, tag_shape()).nested_unchecked(),
          member("SSESpecification", &R::sse_specification, sse_specification_shape()),
          member("DeletionProtectionEnabled", &R::deletion_protection_enabled),
      },
      {check_table}};
  return shape;
}

}  // namespace

Result<CreateTableRequest> read_create_table(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
