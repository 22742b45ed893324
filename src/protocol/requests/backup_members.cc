// The shared backup members; see backup_members.h.
#include "protocol/requests/backup_members.h"

#include "model/errors.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kBillingModes[] = {"PROVISIONED", "PAY_PER_REQUEST"};

}  // namespace

Result<void> read_date(const JsonValue* value, std::optional<double>& out) {
  if (value == nullptr) return {};
  if (!value->IsNumber()) {
    return fail(ApiError::serialization(value->IsString() ? "class java.lang.String can not be converted to an Date"
                                                          : "Unexpected field type"));
  }
  out = value->GetDouble();
  return {};
}

Members<RestoreOverrides> restore_override_members() {
  using O = RestoreOverrides;
  return {
      member("BillingModeOverride", &O::billing_mode_override, {one_of(kBillingModes)}),
      member("GlobalSecondaryIndexOverride", &O::global_secondary_index_override, global_index_shape()),
      member("LocalSecondaryIndexOverride", &O::local_secondary_index_override, local_index_shape()),
      member("ProvisionedThroughputOverride", &O::provisioned_throughput_override, provisioned_throughput_shape()),
      member("SSESpecificationOverride", &O::sse_specification_override, sse_specification_shape()),
  };
}

Result<void> apply_restore_overrides(const RestoreOverrides& overrides, TableDefinition& table) {
  if (overrides.billing_mode_override) {
    table.billing_mode = *overrides.billing_mode_override;
    if (table.billing_mode == "PAY_PER_REQUEST") {
      if (overrides.provisioned_throughput_override) return fail(errors::throughput_with_pay_per_request());
      table.throughput = ProvisionedThroughput{};
      for (auto& index : table.global_indexes) index.throughput = ProvisionedThroughput{};
    }
  }
  if (overrides.provisioned_throughput_override) {
    table.throughput.read_capacity_units = overrides.provisioned_throughput_override->read_capacity_units;
    table.throughput.write_capacity_units = overrides.provisioned_throughput_override->write_capacity_units;
  }
  if (table.billing_mode == "PROVISIONED" && table.throughput.read_capacity_units == 0) {
    return fail(errors::invalid_parameter(
        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
  }
  if (overrides.local_secondary_index_override || overrides.global_secondary_index_override) {
    auto kept_local = table.local_indexes;
    auto kept_global = table.global_indexes;
    table.local_indexes.clear();
    table.global_indexes.clear();
    EDDY_TRY_VOID(resolve_create_table_indexes(table, overrides.local_secondary_index_override,
                                               overrides.global_secondary_index_override));
    if (!overrides.local_secondary_index_override) table.local_indexes = kept_local;
    if (!overrides.global_secondary_index_override) table.global_indexes = kept_global;
  }
  for (auto& index : table.local_indexes) index.id = 0;
  for (auto& index : table.global_indexes) {
    index.id = 0;
    index.status = "ACTIVE";
    index.backfilling = false;
  }
  if (overrides.sse_specification_override) table.sse = sse_description(*overrides.sse_specification_override);
  return {};
}

}  // namespace eddy::protocol
