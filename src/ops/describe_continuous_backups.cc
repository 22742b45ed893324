// DescribeContinuousBackups:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html
// Answers for every table (PITR DISABLED until UpdateContinuousBackups enables it): Terraform reads
// it on every plan, so it is a catalog lookup and at most one point read.
#include "model/result.h"
#include "ops/continuous_backups.h"
#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> describe_continuous_backups(RequestContext& context,
                                                const p::DescribeContinuousBackupsRequest& request) {
  EDDY_TRY(engine::TablePtr table, find_backup_table(context, request.table_name));
  return continuous_backups_response(context, *table);
}

}  // namespace eddy::ops
