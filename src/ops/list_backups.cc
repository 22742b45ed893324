// ListBackups: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html
// Backups in creation order, filtered by table, creation time (lower bound inclusive, upper bound
// exclusive) and type (every eddy backup is USER: SYSTEM and AWS_BACKUP list none), a page of Limit
// after ExclusiveStartBackupArn; LastEvaluatedBackupArn when more remain.
#include "model/result.h"
#include "ops/backup_json.h"
#include "ops/operations.h"

namespace eddy::ops {
namespace {

bool listed(const p::ListBackupsRequest& request, const engine::Backup& backup) {
  if (request.table_name && backup.table.name != *request.table_name) return false;
  if (request.time_range_lower_bound && backup.created < *request.time_range_lower_bound) return false;
  if (request.time_range_upper_bound && backup.created >= *request.time_range_upper_bound) return false;
  std::string type = request.backup_type.value_or("USER");
  if (type == "ALL") return backup.type == "USER" || backup.type == "SYSTEM";
  return backup.type == type;
}

}  // namespace

Result<std::string> list_backups(RequestContext& context, const p::ListBackupsRequest& request) {
  EDDY_TRY(auto backups, context.database().backups().list());
  std::vector<const engine::Backup*> page;
  bool started = !request.exclusive_start_backup_arn.has_value();
  bool more = false;
  auto limit = static_cast<std::size_t>(request.limit.value_or(INT64_MAX));
  for (const auto& backup : backups) {
    if (!started) {
      started = backup.arn == *request.exclusive_start_backup_arn;
      continue;
    }
    if (!listed(request, backup)) continue;
    if (page.size() == limit) {
      more = true;
      break;
    }
    page.push_back(&backup);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("BackupSummaries");
  w.StartArray();
  for (const auto* backup : page) write_backup_summary(w, *backup);
  w.EndArray();
  if (more) {
    w.Key("LastEvaluatedBackupArn");
    w.String(page.back()->arn.c_str());
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
