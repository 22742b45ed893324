// ListImports: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListImports.html
// Imports in the order they were requested. NextToken is the hex of the last ImportArn returned,
// padded with '0' to a multiple of 16 digits and at least 112 (ImportNextToken's pattern).
#include "export/manifest.h"
#include "model/result.h"
#include "ops/operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {
namespace {

std::string token_of(const std::string& arn) {
  std::string token = exports::hex(arn);
  while (token.size() % 16 != 0 || token.size() < 112) token += "0";
  return token;
}

}  // namespace

Result<std::string> list_imports(RequestContext& context, const p::ListImportsRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  std::vector<ImportRecord> records;
  for (auto& record : jobs->imports()) {
    if (!request.table_arn || record.table_arn == *request.table_arn) records.push_back(std::move(record));
  }
  std::size_t first = 0;
  if (request.next_token) {
    while (first < records.size() && token_of(records[first].import_arn) != *request.next_token) ++first;
    if (first == records.size()) return validation_error("Invalid NextToken");
    ++first;
  }
  auto limit = static_cast<std::size_t>(request.page_size.value_or(25));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ImportSummaryList");
  w.StartArray();
  std::size_t end = std::min(records.size(), first + limit);
  for (std::size_t i = first; i < end; ++i) {
    w.StartObject();
    write_import_description(w, records[i], true);
    w.EndObject();
  }
  w.EndArray();
  if (end < records.size()) {
    w.Key("NextToken");
    w.String(token_of(records[end - 1].import_arn).c_str());
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
