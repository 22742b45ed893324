// Table lookup and description rendering; see table_lookup.h.
#include "ops/table_lookup.h"

#include <map>

#include "model/errors.h"
#include "model/result.h"
#include "protocol/table_description_json.h"

namespace eddy::ops {

Result<engine::TablePtr> find_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(errors::resource_not_found());
  return table;
}

Result<engine::TablePtr> find_named_table(RequestContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return fail(errors::table_not_found(name));
  return table;
}

Result<void> write_table_description(RequestContext& context, JsonWriter& writer, const char* member,
                                     const TableDefinition& table) {
  auto& database = context.database();
  EDDY_TRY(engine::ItemCounters counters, database.counters(table.id));
  std::map<uint64_t, TableStatistics> indexes;
  for (const auto* list : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *list) {
      EDDY_TRY(engine::ItemCounters index_counters, database.counters(index.id));
      indexes[index.id] = TableStatistics{index_counters.count, index_counters.bytes};
    }
  }
  writer.Key(member);
  encode_table_description(writer, table, TableStatistics{counters.count, counters.bytes},
                           [&](uint64_t index_id) { return indexes[index_id]; });
  return {};
}

Result<std::string> table_description_response(RequestContext& context, const char* member,
                                               const TableDefinition& table) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  EDDY_TRY_VOID(write_table_description(context, writer, member, table));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
