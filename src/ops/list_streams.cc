// ListStreams: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html
// Streams are listed newest first; a page of `Limit` streams names its last one in
// LastEvaluatedStreamArn when more follow.
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"

namespace eddy::ops {

Result<std::string> list_streams(RequestContext& context, const p::ListStreamsRequest& request) {
  const auto& start = request.exclusive_start_stream_arn;
  EDDY_TRY(streams::Streams * streams, streams_of(context));
  std::vector<streams::StreamSummary> all = streams->list_streams(request.table_name);
  std::size_t first = 0;
  if (start) {
    first = all.size();  // an unknown start lists nothing, as DynamoDB does
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].arn == *start) first = i + 1;
    }
  }
  std::size_t page = static_cast<std::size_t>(request.limit.value_or(100));
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
