// See transfer_lookup.h.
#include "ops/transfer_lookup.h"

#include "export/export_writer.h"
#include "model/result.h"
#include "ops/resource_arn.h"

namespace eddy::ops {

Result<TransferJobs*> transfer_jobs(RequestContext& context) {
  TransferJobs* jobs = context.state.transfers;
  if (jobs == nullptr || jobs->s3_dir().empty()) {
    return validation_error(
        "eddy exports to and imports from a local folder that stands in for S3: start it with --s3-dir DIR "
        "(bucket B is the folder DIR/B)");
  }
  return jobs;
}

Result<engine::TablePtr> table_of_arn(RequestContext& context, const std::string& arn) {
  auto at = arn.rfind(":table/");
  if (at != std::string::npos) {
    std::string name = arn.substr(at + 7);
    engine::TablePtr table = context.database().catalog().find(name);
    if (table && names_table(arn, *table)) return table;
  }
  return fail(ApiError{ErrorCode::kTableNotFound, "Table not found: " + arn, {}});
}

std::string new_transfer_id(double now) { return exports::new_export_id(now); }

}  // namespace eddy::ops
