// DescribeTimeToLive: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html
// eddy applies a TTL change at once, so the status is ENABLED or DISABLED (never ENABLING/DISABLING).
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> describe_time_to_live(RequestContext& context, const p::DescribeTimeToLiveRequest& request) {
  EDDY_TRY(engine::TablePtr table, find_named_table(context, request.table_name));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("TimeToLiveDescription");
  w.StartObject();
  write_member(w, "TimeToLiveStatus", table->ttl.enabled ? "ENABLED" : "DISABLED");
  if (table->ttl.enabled) write_member(w, "AttributeName", table->ttl.attribute_name);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
