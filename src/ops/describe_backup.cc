// DescribeBackup: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeBackup.html
#include "model/result.h"
#include "ops/backup_json.h"
#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> describe_backup(RequestContext& context, const p::DescribeBackupRequest& request) {
  EDDY_TRY(engine::Backup backup, find_backup(context, request.backup_arn));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("BackupDescription");
  write_backup_description(w, backup, backup.status);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
