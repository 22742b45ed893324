// CreateTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
#include <algorithm>

#include "ops/index_definitions.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/table_schema_parsing.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";
constexpr std::size_t kMaxTables = 2500;

struct CreateTableRequest {
  TableDefinition table;
  std::optional<ProvisionedThroughput> throughput;
  std::optional<std::string> billing_mode;
  std::optional<std::vector<IndexInput>> local_indexes;
  std::optional<std::vector<IndexInput>> global_indexes;
};

Result<CreateTableRequest> parse(const JsonValue& request) {
  ConstraintViolations violations;
  CreateTableRequest parsed;
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  auto definitions = read_attribute_definitions(request, violations);
  if (!definitions) return fail(definitions.error());
  violations.not_null("attributeDefinitions", definitions->has_value());
  violations.table_name("tableName", *name);
  auto key_schema = read_key_schema(request, "KeySchema", "keySchema", violations);
  if (!key_schema) return fail(key_schema.error());
  violations.not_null("keySchema", key_schema->has_value());
  if (*key_schema && ((*key_schema)->elements.empty() || (*key_schema)->elements.size() > 2)) {
    violations.add("keySchema", std::nullopt,
                   (*key_schema)->elements.empty() ? "Member must have length greater than or equal to 1"
                                                   : "Member must have length less than or equal to 2");
  }
  auto local_indexes =
      read_index_inputs(request, "LocalSecondaryIndexes", "localSecondaryIndexes", false, violations);
  if (!local_indexes) return fail(local_indexes.error());
  auto global_indexes =
      read_index_inputs(request, "GlobalSecondaryIndexes", "globalSecondaryIndexes", true, violations);
  if (!global_indexes) return fail(global_indexes.error());
  auto throughput = read_throughput(request, "ProvisionedThroughput", "provisionedThroughput", violations);
  if (!throughput) return fail(throughput.error());
  auto billing = read_string(request, "BillingMode");
  if (!billing) return fail(billing.error());
  violations.enum_value("billingMode", *billing, {"PROVISIONED", "PAY_PER_REQUEST"});
  auto table_class = read_string(request, "TableClass");
  if (!table_class) return fail(table_class.error());
  violations.enum_value("tableClass", *table_class, {"STANDARD", "STANDARD_INFREQUENT_ACCESS"});
  auto stream = read_stream_specification(request, violations);
  if (!stream) return fail(stream.error());
  auto tags = read_tags(request, violations);
  if (!tags) return fail(tags.error());
  auto sse = read_sse_specification(request);
  if (!sse) return fail(sse.error());
  auto protection = read_bool(request, "DeletionProtectionEnabled");
  if (!protection) return fail(protection.error());
  if (auto checked = violations.result(); !checked) return fail(checked.error());

  TableDefinition& table = parsed.table;
  table.name = **name;
  table.attribute_definitions = **definitions;
  auto schema = resolve_key_schema(**key_schema, table.attribute_definitions, false);
  if (!schema) return fail(schema.error());
  table.key = std::move(*schema);
  parsed.throughput = *throughput;
  parsed.billing_mode = *billing;
  parsed.local_indexes = std::move(*local_indexes);
  parsed.global_indexes = std::move(*global_indexes);
  table.table_class = table_class->value_or("STANDARD");
  table.deletion_protection = protection->value_or(false);
  if (*stream) table.stream = **stream;
  if (*sse) table.sse = **sse;
  if (*tags) table.tags = **tags;
  return parsed;
}

Result<void> check_semantics(CreateTableRequest& parsed) {
  TableDefinition& table = parsed.table;
  std::string mode = parsed.billing_mode.value_or("PROVISIONED");
  if (mode == "PROVISIONED" && !parsed.throughput) {
    return validation_error(std::string(kInvalid) +
                            "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is "
                            "PROVISIONED");
  }
  if (mode == "PAY_PER_REQUEST" && parsed.throughput) {
    return validation_error(std::string(kInvalid) +
                            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                            "PAY_PER_REQUEST");
  }
  table.billing_mode = mode;
  if (parsed.throughput) table.throughput = *parsed.throughput;
  if (auto indexes = resolve_create_table_indexes(table, parsed.local_indexes, parsed.global_indexes, mode); !indexes) {
    return indexes;
  }
  // Every definition must be used by a key of the table or of an index.
  std::vector<std::string> used = table.key.attribute_names();
  for (const auto& index : table.local_indexes) {
    for (const auto& n : index.key.attribute_names()) used.push_back(n);
  }
  for (const auto& index : table.global_indexes) {
    for (const auto& n : index.key.attribute_names()) used.push_back(n);
  }
  for (const auto& definition : table.attribute_definitions) {
    if (std::find(used.begin(), used.end(), definition.name) == used.end()) {
      return validation_error(std::string(kInvalid) +
                              "Number of attributes in KeySchema does not exactly match number of attributes defined "
                              "in AttributeDefinitions");
    }
  }
  for (std::size_t i = 0; i < table.attribute_definitions.size(); ++i) {
    for (std::size_t j = i + 1; j < table.attribute_definitions.size(); ++j) {
      if (table.attribute_definitions[i].name == table.attribute_definitions[j].name) {
        return validation_error(std::string(kInvalid) + "Cannot have two attributes with the same name");
      }
    }
  }
  if (table.stream.enabled && table.stream.view_type.empty()) {
    return validation_error("Table is being created with a stream enabled, UpdateViewType is required");
  }
  if (!table.stream.enabled && !table.stream.view_type.empty()) {
    return validation_error("Table is being created with a stream disabled, UpdateViewType should not be specified");
  }
  return {};
}

}  // namespace

Result<std::string> create_table(RequestContext& context, const JsonValue& request) {
  auto parsed = parse(request);
  if (!parsed) return fail(parsed.error());
  if (auto checked = check_semantics(*parsed); !checked) return fail(checked.error());
  auto& catalog = context.database().catalog();
  double now = context.now();
  auto created = catalog.create(std::move(parsed->table), [&](TableDefinition& table) -> Result<void> {
    if (catalog.names().size() >= kMaxTables) {
      return fail(ApiError{ErrorCode::kLimitExceeded,
                           "Subscriber limit exceeded: Only " + std::to_string(kMaxTables) + " tables are allowed",
                           {}});
    }
    table.table_id = random_uuid();
    table.region = context.region;
    table.account_id = context.services.settings.account_id;
    table.creation_time = static_cast<double>(static_cast<int64_t>(now * 1000)) / 1000;
    if (table.billing_mode == "PAY_PER_REQUEST") table.billing_mode_last_update = table.creation_time;
    if (table.stream.enabled) table.stream.label = stream_label(now);
    table.status = "ACTIVE";
    return {};
  });
  if (!created) return fail(created.error());
  TableDefinition shown = **created;
  if (context.services.settings.delay_transient_statuses) shown.status = "CREATING";
  return table_description_response(context, "TableDescription", shown);
}

}  // namespace eddy::ops
