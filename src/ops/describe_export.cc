// DescribeExport: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeExport.html
#include "model/result.h"
#include "ops/operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {

Result<std::string> describe_export(RequestContext& context, const p::DescribeExportRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  auto record = jobs->find_export(request.export_arn);
  if (!record) return fail(ApiError{ErrorCode::kExportNotFound, "Export not found: " + request.export_arn, {}});
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ExportDescription");
  w.StartObject();
  write_export_description(w, *record);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
