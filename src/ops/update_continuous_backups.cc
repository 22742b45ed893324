// UpdateContinuousBackups:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html
// Enabling PITR takes the table's items as the base of its point-in-time log (from one snapshot)
// and logs every item change from then on; disabling drops the base and the log. A change of
// RecoveryPeriodInDays alone keeps both. See engine/point_in_time_log.h.
#include <cmath>

#include "model/result.h"
#include "ops/continuous_backups.h"
#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> update_continuous_backups(RequestContext& context,
                                              const p::UpdateContinuousBackupsRequest& request) {
  EDDY_TRY(engine::TablePtr found, find_backup_table(context, request.table_name));
  EDDY_TRY_VOID(check_backups_available(*found));
  const auto& specification = *request.point_in_time_recovery_specification;
  bool enable = specification.point_in_time_recovery_enabled.value_or(false);
  bool was_enabled = false;
  auto& database = context.database();
  EDDY_TRY(engine::TablePtr table, database.catalog().modify(request.table_name, [&](TableDefinition& stored) {
    was_enabled = stored.pitr.enabled;
    stored.pitr.enabled = enable;
    stored.pitr.recovery_period_days = enable ? specification.recovery_period_in_days.value_or(35) : 35;
    return Result<void>();
  }));
  if (table == nullptr) return fail(ApiError{ErrorCode::kTableNotFound, "Table not found: " + request.table_name, {}});
  if (enable && !was_enabled) {
    EDDY_TRY_VOID(database.point_in_time_log().start(*table, static_cast<uint64_t>(std::floor(context.now() * 1000))));
  } else if (!enable && was_enabled) {
    EDDY_TRY_VOID(database.point_in_time_log().stop(table->id));
  }
  return continuous_backups_response(context, *table);
}

}  // namespace eddy::ops
