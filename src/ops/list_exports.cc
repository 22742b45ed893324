// ListExports: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListExports.html
// Exports in the order they were requested; NextToken is the ExportArn of the last one returned.
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {

Result<std::string> list_exports(RequestContext& context, const p::ListExportsRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  std::vector<ExportRecord> records;
  for (auto& record : jobs->exports()) {
    if (!request.table_arn || record.table_arn == *request.table_arn) records.push_back(std::move(record));
  }
  std::size_t first = 0;
  if (request.next_token) {
    while (first < records.size() && records[first].export_arn != *request.next_token) ++first;
    if (first == records.size()) return validation_error("Invalid NextToken: " + *request.next_token);
    ++first;
  }
  auto limit = static_cast<std::size_t>(request.max_results.value_or(25));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ExportSummaries");
  w.StartArray();
  std::size_t end = std::min(records.size(), first + limit);
  for (std::size_t i = first; i < end; ++i) {
    w.StartObject();
    write_member(w, "ExportArn", records[i].export_arn);
    write_member(w, "ExportStatus", records[i].export_status);
    write_member(w, "ExportType", records[i].export_type);
    w.EndObject();
  }
  w.EndArray();
  if (end < records.size()) write_member(w, "NextToken", records[end - 1].export_arn);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
