// RestoreTableToPointInTime:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html
// A new table with the source's items as they were at RestoreDateTime (to the millisecond), from
// the source's point-in-time log: its base with the logged changes up to that time applied
// (engine/point_in_time_log.h). The source is untouched.
#include <cmath>

#include "model/result.h"
#include "ops/continuous_backups.h"
#include "ops/operations.h"
#include "ops/table_restore.h"

namespace eddy::ops {
namespace {

Result<engine::TablePtr> find_source(RequestContext& context, const p::RestoreTableToPointInTimeRequest& request) {
  if (request.source_table_name) return find_backup_table(context, *request.source_table_name);
  for (const auto& table : context.database().catalog().tables()) {
    if (table->arn() == *request.source_table_arn) return table;
  }
  return fail(ApiError{ErrorCode::kTableNotFound, "Table not found: " + *request.source_table_arn, {}});
}

}  // namespace

Result<std::string> restore_table_to_point_in_time(RequestContext& context,
                                                   const p::RestoreTableToPointInTimeRequest& request) {
  EDDY_TRY(engine::TablePtr source, find_source(context, request));
  if (!source->pitr.enabled) {
    return fail(ApiError{ErrorCode::kPointInTimeRecoveryUnavailable,
                         "Point in time recovery is not enabled for table '" + source->name + "'",
                         {}});
  }
  EDDY_TRY_VOID(check_target_free(context, request.target_table_name));
  EDDY_TRY(uint64_t base_ms, context.database().point_in_time_log().base_ms(source->id));
  double latest = context.now();
  double earliest = static_cast<double>(base_ms) / 1000;
  double time = request.use_latest_restorable_time.value_or(false) ? latest : *request.restore_date_time;
  if (time < earliest || time > latest) {
    return fail(ApiError{ErrorCode::kInvalidRestoreTime,
                         "Restore time must be between the EarliestRestorableDateTime and the "
                         "LatestRestorableDateTime of the source table",
                         {}});
  }
  RestoreSummary summary{"", source->arn(), time, true};
  engine::Database::RestoreSource from;
  from.table_id = source->id;
  from.time_ms = static_cast<uint64_t>(std::floor(time * 1000));
  // The log as it is now, so that a trim before the items are loaded cannot move the base past it.
  from.view = context.database().read_view();
  return restore_table(context, *source, request.target_table_name, request.overrides, summary, from);
}

}  // namespace eddy::ops
