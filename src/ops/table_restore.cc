// The restores' shared part; see table_restore.h and docs/backups.md.
#include "ops/table_restore.h"

#include "model/errors.h"
#include "model/random_ids.h"
#include "model/result.h"
#include "ops/stream_label.h"
#include "ops/table_lookup.h"

namespace eddy::ops {
namespace {

ApiError table_exists(const std::string& name) {
  return ApiError{ErrorCode::kTableAlreadyExists, "Table already exists: " + name, {}};
}

}  // namespace

Result<void> check_target_free(RequestContext& context, const std::string& target_name) {
  if (context.database().catalog().find(target_name) != nullptr) return fail(table_exists(target_name));
  return {};
}

Result<std::string> restore_table(RequestContext& context, const TableDefinition& source,
                                  const std::string& target_name, const protocol::RestoreOverrides& overrides,
                                  RestoreSummary summary, const engine::Database::RestoreSource& from) {
  TableDefinition target = source;
  target.name = target_name;
  target.id = 0;
  target.tags.clear();
  target.ttl = TimeToLiveSettings{};
  target.pitr = PointInTimeRecovery{};
  target.deletion_protection = false;
  target.stream.label.clear();
  target.throughput.number_of_decreases_today = 0;
  target.throughput.last_increase_time = target.throughput.last_decrease_time = 0;
  EDDY_TRY_VOID(protocol::apply_restore_overrides(overrides, target));
  summary.in_progress = true;
  target.restore = summary;
  auto& catalog = context.database().catalog();
  double now = context.now();
  auto complete = [&](TableDefinition& table) -> Result<void> {
    if (catalog.names().size() >= context.state.settings.max_tables) {
      return fail(errors::table_quota_exceeded(context.state.settings.max_tables));
    }
    table.table_id = random_uuid();
    table.region = context.region;
    table.account_id = context.state.settings.account_id;
    table.creation_time = static_cast<double>(static_cast<int64_t>(now * 1000)) / 1000;
    table.billing_mode_last_update = table.billing_mode == "PAY_PER_REQUEST" ? table.creation_time : 0;
    if (table.stream.enabled) table.stream.label = stream_label(now);
    table.status = "ACTIVE";
    return {};
  };
  auto restored = context.database().restore_table(std::move(target), complete, from);
  if (!restored && restored.error().code == ErrorCode::kResourceInUse) return fail(table_exists(target_name));
  if (!restored) return fail(restored.error());
  TableDefinition shown = **restored;
  if (context.state.settings.delay_transient_statuses) {
    // As CreateTable: the answer shows the table still being made.
    shown.status = "CREATING";
    if (shown.restore) shown.restore->in_progress = true;
  }
  return table_description_response(context, "TableDescription", shown);
}

}  // namespace eddy::ops
