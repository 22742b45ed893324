// What RestoreTableFromBackup and RestoreTableToPointInTime share: the new table made from the
// source's definition (AWS restores the key schema, indexes, billing, stream specification and SSE;
// not TTL, tags or PITR), the overrides applied, its items written by the engine, and the answer.
#pragma once

#include <string>

#include "engine/database.h"
#include "ops/request_context.h"
#include "protocol/requests/backup_members.h"

namespace eddy::ops {

// Creates `target_name` from `source` (a definition as the backup or the table has it) with
// `overrides`, CREATING, restores its items from `from` and makes it ACTIVE, and answers
// {"TableDescription": ...}. With --pause-transfers-after-items the items are restored on
// TransferJobs' thread and the answer shows the table CREATING. TableAlreadyExistsException when the
// name is taken; LimitExceededException past the table limit or 500 restores under way.
Result<std::string> restore_table(RequestContext& context, const TableDefinition& source,
                                  const std::string& target_name, const protocol::RestoreOverrides& overrides,
                                  RestoreSummary summary, const engine::Database::RestoreSource& from);

// TableAlreadyExistsException "Table already exists: <name>" when there is a table of that name.
Result<void> check_target_free(RequestContext& context, const std::string& target_name);

}  // namespace eddy::ops
