// Table lookup and description rendering; see table_lookup.h.
#include "ops/table_lookup.h"

#include "protocol/request_fields.h"
#include "protocol/table_description_json.h"

namespace eddy::ops {

Result<engine::TablePtr> find_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(ApiError::not_found("Requested resource not found"));
  return table;
}

Result<engine::TablePtr> find_named_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(ApiError::not_found("Requested resource not found: Table: " + name + " not found"));
  return table;
}

Result<engine::TablePtr> find_requested_table(RequestContext& context, const JsonValue& request) {
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  ConstraintViolations violations;
  violations.table_name("tableName", *name);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  return find_named_table(context, **name);
}

void write_table_description(RequestContext& context, JsonWriter& writer, const char* member,
                             const TableDefinition& table) {
  auto& database = context.database();
  auto [count, bytes] = database.counters(table.id);
  writer.Key(member);
  encode_table_description(writer, table, TableStatistics{count, bytes}, [&](uint64_t index_id) {
    auto [index_count, index_bytes] = database.counters(index_id);
    return TableStatistics{index_count, index_bytes};
  });
}

std::string table_description_response(RequestContext& context, const char* member, const TableDefinition& table) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_table_description(context, writer, member, table);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
