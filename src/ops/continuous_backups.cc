// The continuous-backup operations' shared parts; see continuous_backups.h.
#include "ops/continuous_backups.h"

#include "model/result.h"
#include "ops/stream_operations.h"
#include "protocol/json.h"

namespace eddy::ops {

Result<engine::TablePtr> find_backup_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(ApiError{ErrorCode::kTableNotFound, "Table not found: " + name, {}});
  return table;
}

Result<void> check_backups_available(const TableDefinition& table) {
  if (table.status != "CREATING") return {};
  return fail(ApiError{ErrorCode::kContinuousBackupsUnavailable,
                       "Backups are being enabled for the table: " + table.name + ". Please retry later",
                       {}});
}

Result<std::string> continuous_backups_response(RequestContext& context, const TableDefinition& table) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ContinuousBackupsDescription");
  w.StartObject();
  write_member(w, "ContinuousBackupsStatus", "ENABLED");
  w.Key("PointInTimeRecoveryDescription");
  w.StartObject();
  write_member(w, "PointInTimeRecoveryStatus", table.pitr.enabled ? "ENABLED" : "DISABLED");
  if (table.pitr.enabled) {
    EDDY_TRY(uint64_t base_ms, context.database().point_in_time_log().base_ms(table.id));
    w.Key("RecoveryPeriodInDays");
    w.Int64(table.pitr.recovery_period_days);
    w.Key("EarliestRestorableDateTime");
    w.Double(static_cast<double>(base_ms) / 1000);
    w.Key("LatestRestorableDateTime");
    w.Double(context.now());
  }
  w.EndObject();
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
