// What the backup operations share: a new backup's ARN, finding a backup by ARN
// (BackupNotFoundException), and the answer's parts (BackupDetails, BackupSummary,
// SourceTableDetails, SourceTableFeatureDetails) as the service model names them.
#pragma once

#include <string>

#include "engine/backups.h"
#include "ops/request_context.h"
#include "protocol/json.h"

namespace eddy::ops {

// arn:aws:dynamodb:<region>:<account>:table/<table>/backup/<ms, 14 digits>-<8 hex>, as AWS names
// backups (the milliseconds of `now`, zero-padded as AWS pads them).
std::string new_backup_arn(const TableDefinition& table, double now);
// The SYSTEM backup DeleteTable keeps of a table with point-in-time recovery: its ARN ends in
// -00000000, as AWS's do, and it expires kSystemBackupDays after it was made.
std::string system_backup_arn(const TableDefinition& table, double now);
inline constexpr double kSystemBackupDays = 35;
// BackupNotFoundException "Backup not found: <arn>" when there is no such backup.
Result<engine::Backup> find_backup(RequestContext& context, const std::string& arn);

// Whether a restore from that backup is under way (its target table not yet ACTIVE).
bool backup_restoring(RequestContext& context, const std::string& backup_arn);

// "BackupDetails": {...} with `status` as the status to show.
void write_backup_details(JsonWriter& w, const engine::Backup& backup, const std::string& status);
// One element of ListBackups' BackupSummaries.
void write_backup_summary(JsonWriter& w, const engine::Backup& backup);
// {"BackupDetails", "SourceTableDetails", "SourceTableFeatureDetails"} (DescribeBackup, DeleteBackup).
void write_backup_description(JsonWriter& w, const engine::Backup& backup, const std::string& status);

}  // namespace eddy::ops
