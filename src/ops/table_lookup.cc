// Table lookup and description rendering; see table_lookup.h.
#include "ops/table_lookup.h"

#include <map>

#include "protocol/request_fields.h"
#include "protocol/table_description_json.h"

namespace eddy::ops {

Result<engine::TablePtr> find_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(ApiError::not_found("Requested resource not found"));
  return table;
}

ApiError table_not_found(const std::string& name) {
  return ApiError::not_found("Requested resource not found: Table: " + name + " not found");
}

Result<engine::TablePtr> find_named_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(table_not_found(name));
  return table;
}

Result<std::string> requested_table_name(const JsonValue& request) {
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  ConstraintViolations violations;
  violations.table_name("tableName", *name);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  return **name;
}

Result<engine::TablePtr> find_requested_table(RequestContext& context, const JsonValue& request) {
  auto name = requested_table_name(request);
  if (!name) return fail(name.error());
  return find_named_table(context, *name);
}

Result<void> write_table_description(RequestContext& context, JsonWriter& writer, const char* member,
                                     const TableDefinition& table) {
  auto& database = context.database();
  auto counters = database.counters(table.id);
  if (!counters) return fail(counters.error());
  std::map<uint64_t, TableStatistics> indexes;
  for (const auto* list : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *list) {
      auto index_counters = database.counters(index.id);
      if (!index_counters) return fail(index_counters.error());
      indexes[index.id] = TableStatistics{index_counters->count, index_counters->bytes};
    }
  }
  writer.Key(member);
  encode_table_description(writer, table, TableStatistics{counters->count, counters->bytes},
                           [&](uint64_t index_id) { return indexes[index_id]; });
  return {};
}

Result<std::string> table_description_response(RequestContext& context, const char* member,
                                               const TableDefinition& table) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (auto written = write_table_description(context, writer, member, table); !written) return fail(written.error());
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
