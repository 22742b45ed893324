// UpdateTimeToLive: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
// The setting is stored in the table definition; the sweeper (ttl/ttl_sweeper.h) acts on it.
// Messages are DynamoDB's (recorded against AWS).
#include "model/errors.h"
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"
#include "ops/table_lookup.h"

namespace eddy::ops {

Result<std::string> update_time_to_live(RequestContext& context, const p::UpdateTimeToLiveRequest& request) {
  bool enabled = request.time_to_live_specification->enabled;
  const std::string& attribute = request.time_to_live_specification->attribute_name;
  EDDY_TRY(engine::TablePtr updated,
           context.database().catalog().modify(request.table_name, [&](TableDefinition& table) -> Result<void> {
             if (table.ttl.enabled && table.ttl.attribute_name != attribute) {
               return validation_error("TimeToLive is active on a different AttributeName: current AttributeName is " +
                                       table.ttl.attribute_name);
             }
             if (enabled && table.ttl.enabled) return validation_error("TimeToLive is already enabled");
             if (!enabled && !table.ttl.enabled) return validation_error("TimeToLive is already disabled");
             table.ttl.enabled = enabled;
             table.ttl.attribute_name = enabled ? attribute : std::string();
             return {};
           }));
  if (updated == nullptr) return fail(errors::table_not_found(request.table_name));

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("TimeToLiveSpecification");
  w.StartObject();
  w.Key("Enabled");
  w.Bool(enabled);
  write_member(w, "AttributeName", attribute);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
