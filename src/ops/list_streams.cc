// ListStreams: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html
// Streams are listed newest first; a page of `Limit` streams names its last one in
// LastEvaluatedStreamArn when more follow.
#include "ops/operations.h"
#include "ops/stream_requests.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<std::string> list_streams(RequestContext& context, const JsonValue& request) {
  auto table_name = read_string(request, "TableName");
  if (!table_name) return fail(table_name.error());
  auto limit = read_integer(request, "Limit");
  if (!limit) return fail(limit.error());
  auto start = read_string(request, "ExclusiveStartStreamArn");
  if (!start) return fail(start.error());
  ConstraintViolations violations;
  violations.table_name("tableName", *table_name, false);
  if (*limit && **limit < 1) violations.integer_range("limit", *limit, 1, INT32_MAX);
  violations.length("exclusiveStartStreamArn", *start, 37, 1024);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (*limit && **limit > 100) {
    return validation_error("One or more parameter values were invalid: Limit cannot be greater than the maximum "
                            "allowed size: 100");
  }
  if (*start && !well_formed_stream_arn(**start)) return fail(invalid_stream_arn());
  auto service = stream_service(context);
  if (!service) return fail(service.error());

  std::vector<streams::StreamSummary> all = (*service)->list_streams(*table_name);
  std::size_t first = 0;
  if (*start) {
    first = all.size();  // an unknown start lists nothing, as DynamoDB does
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].arn == **start) first = i + 1;
    }
  }
  std::size_t page = static_cast<std::size_t>(limit->value_or(100));
  std::size_t last = std::min(all.size(), first + page);
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Streams");
  writer.StartArray();
  for (std::size_t i = first; i < last; ++i) {
    writer.StartObject();
    write_member(writer, "StreamArn", all[i].arn);
    write_member(writer, "TableName", all[i].table_name);
    write_member(writer, "StreamLabel", all[i].label);
    writer.EndObject();
  }
  writer.EndArray();
  if (last < all.size()) write_member(writer, "LastEvaluatedStreamArn", all[last - 1].arn);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
