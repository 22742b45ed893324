// UpdateTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
// Throughput, billing mode, deletion protection and table class here; stream and index changes
// are applied by their own steps (update_table_streams.cc, update_table_indexes.cc) on the same copy.
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/table_schema_parsing.h"
#include "ops/update_table_steps.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

Result<void> apply_throughput(TableDefinition& table, const std::optional<std::string>& billing,
                              const std::optional<ProvisionedThroughput>& throughput, double now) {
  std::string mode = billing.value_or(table.billing_mode);
  if (mode == "PAY_PER_REQUEST" && throughput) {
    return validation_error(std::string(kInvalid) +
                            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                            "PAY_PER_REQUEST");
  }
  if (billing && *billing == "PROVISIONED" && table.billing_mode == "PAY_PER_REQUEST" && !throughput) {
    return validation_error(std::string(kInvalid) +
                            "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
  }
  if (billing && *billing != table.billing_mode) {
    table.billing_mode = *billing;
    table.billing_mode_last_update = now;
    if (*billing == "PAY_PER_REQUEST") table.throughput = ProvisionedThroughput{};
  }
  if (throughput) {
    ProvisionedThroughput& current = table.throughput;
    if (!billing && current.read_capacity_units == throughput->read_capacity_units &&
        current.write_capacity_units == throughput->write_capacity_units) {
      return validation_error(
          "The provisioned throughput for the table will not change. The requested value equals the current value. "
          "Current ReadCapacityUnitsForTable: " + std::to_string(current.read_capacity_units) +
          ". Requested ReadCapacityUnitsForTable: " + std::to_string(throughput->read_capacity_units) +
          ". Current WriteCapacityUnitsForTable: " + std::to_string(current.write_capacity_units) +
          ". Requested WriteCapacityUnitsForTable: " + std::to_string(throughput->write_capacity_units) +
          ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
    }
    if (throughput->read_capacity_units > current.read_capacity_units ||
        throughput->write_capacity_units > current.write_capacity_units) {
      current.last_increase_time = now;
    }
    if (throughput->read_capacity_units < current.read_capacity_units ||
        throughput->write_capacity_units < current.write_capacity_units) {
      current.last_decrease_time = now;
      ++current.number_of_decreases_today;
    }
    current.read_capacity_units = throughput->read_capacity_units;
    current.write_capacity_units = throughput->write_capacity_units;
  }
  return {};
}

}  // namespace

Result<std::string> update_table(RequestContext& context, const JsonValue& request) {
  ConstraintViolations violations;
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  violations.table_name("tableName", *name);
  auto throughput = read_throughput(request, "ProvisionedThroughput", "provisionedThroughput", violations);
  if (!throughput) return fail(throughput.error());
  auto billing = read_string(request, "BillingMode");
  if (!billing) return fail(billing.error());
  violations.enum_value("billingMode", *billing, {"PROVISIONED", "PAY_PER_REQUEST"});
  auto protection = read_bool(request, "DeletionProtectionEnabled");
  if (!protection) return fail(protection.error());
  auto table_class = read_string(request, "TableClass");
  if (!table_class) return fail(table_class.error());
  violations.enum_value("tableClass", *table_class, {"STANDARD", "STANDARD_INFREQUENT_ACCESS"});
  auto definitions = read_attribute_definitions(request, violations);
  if (!definitions) return fail(definitions.error());
  if (auto checked = violations.result(); !checked) return fail(checked.error());

  bool has_streams = member(request, "StreamSpecification") != nullptr;
  bool has_indexes = member(request, "GlobalSecondaryIndexUpdates") != nullptr;
  bool has_sse = member(request, "SSESpecification") != nullptr;
  auto change = [&](TableDefinition& table) -> Result<void> {
    const TableDefinition before = table;
    if (!*throughput && !*billing && !*protection && !*table_class && !has_streams && !has_indexes && !has_sse) {
      return validation_error(
          "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or "
          "SSESpecification or ReplicaUpdates is required");
    }
    if (auto applied = apply_throughput(table, *billing, *throughput, context.now()); !applied) return applied;
    if (*protection) table.deletion_protection = **protection;
    if (*table_class) table.table_class = **table_class;
    if (has_sse) {
      auto sse = read_sse_specification(request);
      if (!sse) return fail(sse.error());
      table.sse = *sse;
    }
    UpdateTableStep step{context, request, before, table, *definitions};
    if (auto applied = apply_stream_update(step); !applied) return applied;
    return apply_index_updates(step);
  };
  // The answer describes the table as the request left it (a new GSI CREATING and Backfilling, as
  // AWS answers); the engine then completes the backfill before the answer is sent, so the next
  // DescribeTable shows it ACTIVE and no reader ever meets a half-filled index.
  std::string response;
  auto described = [&](const TableDefinition& stored) -> Result<void> {
    auto body = table_description_response(context, "TableDescription", stored);
    if (!body) return fail(body.error());
    response = std::move(*body);
    return {};
  };
  auto updated = context.database().update_table(**name, change, described);
  if (!updated) return fail(updated.error());
  if (*updated == nullptr) return fail(table_not_found(**name));
  return response;
}

}  // namespace eddy::ops
