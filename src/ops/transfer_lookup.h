// What the export and import operations share: the --s3-dir they need, the table a TableArn names,
// and new ids.
#pragma once

#include <string>

#include "engine/catalog.h"
#include "ops/request_context.h"
#include "ops/transfer_jobs.h"

namespace eddy::ops {

// The server's TransferJobs; a ValidationException saying eddy needs --s3-dir when it has none.
Result<TransferJobs*> transfer_jobs(RequestContext& context);
// The table `arn` names; TableNotFoundException "Table not found: <arn>" when none.
Result<engine::TablePtr> table_of_arn(RequestContext& context, const std::string& arn);
// DynamoDB's export and import ids: 14 digits of epoch milliseconds, '-', 8 hex digits.
std::string new_transfer_id(double now);

}  // namespace eddy::ops
