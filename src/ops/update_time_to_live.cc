// UpdateTimeToLive: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
// The setting is stored in the table definition; the sweeper (ttl/ttl_sweeper.h) acts on it.
// Messages are DynamoDB's (recorded against AWS).
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "ops/stream_requests.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<std::string> update_time_to_live(RequestContext& context, const JsonValue& request) {
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  auto spec = read_object(request, "TimeToLiveSpecification");
  if (!spec) return fail(spec.error());
  std::optional<bool> enabled;
  std::optional<std::string> attribute;
  if (*spec != nullptr) {
    auto e = read_bool(**spec, "Enabled");
    if (!e) return fail(e.error());
    auto a = read_string(**spec, "AttributeName");
    if (!a) return fail(a.error());
    enabled = *e;
    attribute = *a;
  }
  ConstraintViolations violations;
  violations.table_name("tableName", *name);
  violations.not_null("timeToLiveSpecification", *spec != nullptr);
  if (*spec != nullptr) {
    violations.not_null("timeToLiveSpecification.enabled", enabled.has_value());
    violations.not_null("timeToLiveSpecification.attributeName", attribute.has_value());
    violations.length("timeToLiveSpecification.attributeName", attribute, 1, 255);
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());

  auto updated = context.database().catalog().modify(**name, [&](TableDefinition& table) -> Result<void> {
    if (table.ttl.enabled && table.ttl.attribute_name != *attribute) {
      return validation_error("TimeToLive is active on a different AttributeName: current AttributeName is " +
                              table.ttl.attribute_name);
    }
    if (*enabled && table.ttl.enabled) return validation_error("TimeToLive is already enabled");
    if (!*enabled && !table.ttl.enabled) return validation_error("TimeToLive is already disabled");
    table.ttl.enabled = *enabled;
    table.ttl.attribute_name = *enabled ? *attribute : std::string();
    return {};
  });
  if (!updated) return fail(updated.error());
  if (*updated == nullptr) return fail(table_not_found(**name));

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("TimeToLiveSpecification");
  w.StartObject();
  w.Key("Enabled");
  w.Bool(*enabled);
  write_member(w, "AttributeName", *attribute);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
