// DeleteBackup: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteBackup.html
// The backup's descriptor and items go in one atomic write; the answer describes it as DELETED.
// Refused while a restore reads the backup (BackupInUseException), and for the SYSTEM backup of a
// deleted table, which AWS keeps for its 35 days whatever is asked.
#include "model/result.h"
#include "ops/backup_json.h"
#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> delete_backup(RequestContext& context, const p::DeleteBackupRequest& request) {
  EDDY_TRY(engine::Backup backup, find_backup(context, request.backup_arn));
  if (backup_restoring(context, backup.arn)) {
    return fail(ApiError{ErrorCode::kBackupInUse, "Backup is being used to restore table: " + backup.arn, {}});
  }
  if (backup.type == "SYSTEM") return validation_error("System backups cannot be deleted: " + backup.arn);
  EDDY_TRY_VOID(context.database().backups().remove(backup.id));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("BackupDescription");
  write_backup_description(w, backup, "DELETED");
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
