// Members that the backup and point-in-time-recovery requests share: the Date members (epoch
// seconds, as the SDKs send them), BackupArn's and BackupName's constraints, and the overrides of
// RestoreTableFromBackup and RestoreTableToPointInTime with their resolution against the source
// table's definition.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/table_definition.h"
#include "protocol/requests/index_definitions.h"
#include "protocol/requests/table_settings.h"
#include "protocol/shape.h"

namespace eddy::protocol {

// A Date member (TimeRangeLowerBound, RestoreDateTime): a JSON number of epoch seconds.
Result<void> read_date(const JsonValue* value, std::optional<double>& out);

struct RestoreOverrides {
  std::optional<std::string> billing_mode_override;
  std::optional<std::vector<IndexDefinition>> global_secondary_index_override;
  std::optional<std::vector<IndexDefinition>> local_secondary_index_override;
  std::optional<ProvisionedThroughput> provisioned_throughput_override;
  std::optional<SseSpecification> sse_specification_override;
};

// BillingModeOverride, GlobalSecondaryIndexOverride, LocalSecondaryIndexOverride,
// ProvisionedThroughputOverride and SSESpecificationOverride, in the service model's order.
template <typename R>
Members<R> restore_override_members(RestoreOverrides R::*field);
Members<RestoreOverrides> restore_override_members();

// The source's definition with the overrides applied: the new table's billing, throughput, indexes
// and SSE. An index override replaces all of that kind; its keys must be defined by the source.
Result<void> apply_restore_overrides(const RestoreOverrides& overrides, TableDefinition& table);

template <typename R>
Members<R> restore_override_members(RestoreOverrides R::*field) {
  return members_of_part(field, restore_override_members());
}

}  // namespace eddy::protocol
