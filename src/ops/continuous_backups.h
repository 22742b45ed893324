// What the continuous-backup operations (and CreateBackup) share: the table they name, with
// TableNotFoundException as these operations answer it, and ContinuousBackupsDescription.
#pragma once

#include <string>

#include "engine/catalog.h"
#include "ops/request_context.h"

namespace eddy::ops {

// TableNotFoundException "Table not found: <name>" when there is no such table.
Result<engine::TablePtr> find_backup_table(RequestContext& context, const std::string& name);
// ContinuousBackupsUnavailableException "Backups are being enabled for the table: <name>. Please
// retry later" while the table is not yet ACTIVE (a restore or an import is writing it), as AWS
// answers CreateBackup and UpdateContinuousBackups then.
Result<void> check_backups_available(const TableDefinition& table);
// {"ContinuousBackupsDescription": ...} for `table`: ContinuousBackupsStatus is always ENABLED (as
// on AWS, on-demand backups are always available); PointInTimeRecoveryDescription says whether
// PITR is on and, when it is, RecoveryPeriodInDays and the restorable times (earliest: the PITR
// log's base time; latest: now).
Result<std::string> continuous_backups_response(RequestContext& context, const TableDefinition& table);

}  // namespace eddy::ops
