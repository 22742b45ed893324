// UpdateTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
// Throughput, billing mode, deletion protection and table class here; stream and index changes
// are applied by their own steps (update_table_streams.cc, update_table_indexes.cc) on the same copy.
#include "model/errors.h"
#include "model/result.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/update_table_steps.h"

namespace eddy::ops {
namespace {

Result<void> check_throughput_change(const ProvisionedThroughput& current, const ProvisionedThroughput& requested) {
  if (current.read_capacity_units != requested.read_capacity_units ||
      current.write_capacity_units != requested.write_capacity_units) {
    return {};
  }
  return validation_error(
      "The provisioned throughput for the table will not change. The requested value equals the current value. "
      "Current ReadCapacityUnitsForTable: " +
      std::to_string(current.read_capacity_units) +
      ". Requested ReadCapacityUnitsForTable: " + std::to_string(requested.read_capacity_units) +
      ". Current WriteCapacityUnitsForTable: " + std::to_string(current.write_capacity_units) +
      ". Requested WriteCapacityUnitsForTable: " + std::to_string(requested.write_capacity_units) +
      ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
}

Result<void> apply_throughput(TableDefinition& table, const std::optional<std::string>& billing,
                              const std::optional<ProvisionedThroughput>& throughput, double now) {
  std::string mode = billing.value_or(table.billing_mode);
  if (mode == "PAY_PER_REQUEST" && throughput) return fail(errors::throughput_with_pay_per_request());
  if (billing && *billing == "PROVISIONED" && table.billing_mode == "PAY_PER_REQUEST" && !throughput) {
    return fail(errors::invalid_parameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED"));
  }
  if (billing && *billing != table.billing_mode) {
    table.billing_mode = *billing;
    table.billing_mode_last_update = now;
    if (*billing == "PAY_PER_REQUEST") table.throughput = ProvisionedThroughput{};
  }
  if (!throughput) return {};
  ProvisionedThroughput& current = table.throughput;
  if (!billing) EDDY_TRY_VOID(check_throughput_change(current, *throughput));
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
  return {};
}

// DynamoDB makes this check of the request only once the table is found.
Result<void> check_something_to_update(const p::UpdateTableRequest& request) {
  if (request.provisioned_throughput || request.billing_mode || request.deletion_protection_enabled ||
      request.table_class || request.stream_specification || request.global_secondary_index_updates ||
      request.sse_specification) {
    return {};
  }
  return validation_error(
      "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or "
      "SSESpecification or ReplicaUpdates is required");
}

}  // namespace

Result<std::string> update_table(RequestContext& context, const p::UpdateTableRequest& request) {
  auto change = [&](TableDefinition& table) -> Result<void> {
    const TableDefinition before = table;
    EDDY_TRY_VOID(check_something_to_update(request));
    EDDY_TRY_VOID(apply_throughput(table, request.billing_mode, request.provisioned_throughput, context.now()));
    if (request.deletion_protection_enabled) table.deletion_protection = *request.deletion_protection_enabled;
    if (request.table_class) table.table_class = *request.table_class;
    if (request.sse_specification) table.sse = protocol::sse_description(*request.sse_specification);
    UpdateTableStep step{context, request, before, table};
    EDDY_TRY_VOID(apply_stream_update(step));
    return apply_index_updates(step);
  };
  // The answer describes the table as the request left it (a new GSI CREATING and Backfilling, as
  // AWS answers); the engine then completes the backfill before the answer is sent, so the next
  // DescribeTable shows it ACTIVE and no reader ever meets a half-filled index.
  std::string response;
  auto described = [&](const TableDefinition& stored) -> Result<void> {
    EDDY_TRY(response, table_description_response(context, "TableDescription", stored));
    return {};
  };
  EDDY_TRY(engine::TablePtr updated, context.database().update_table(request.table_name, change, described));
  if (updated == nullptr) return fail(errors::table_not_found(request.table_name));
  return response;
}

}  // namespace eddy::ops
