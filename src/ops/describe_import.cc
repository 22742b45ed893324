// DescribeImport: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeImport.html
#include "model/result.h"
#include "ops/operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {

Result<std::string> describe_import(RequestContext& context, const p::DescribeImportRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  auto record = jobs->find_import(request.import_arn);
  if (!record) return fail(ApiError{ErrorCode::kImportNotFound, "Import not found: " + request.import_arn, {}});
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ImportTableDescription");
  w.StartObject();
  write_import_description(w, *record);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
