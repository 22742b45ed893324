// ListTables: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
#include <algorithm>

#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> list_tables(RequestContext& context, const p::ListTablesRequest& request) {
  const auto& start = request.exclusive_start_table_name;
  const auto& limit = request.limit;
  std::vector<std::string> names = context.database().catalog().names();
  auto first = names.begin();
  if (start) first = std::upper_bound(names.begin(), names.end(), *start);
  std::size_t page = static_cast<std::size_t>(limit.value_or(100));
  auto last = first + static_cast<std::ptrdiff_t>(std::min<std::size_t>(page, names.end() - first));

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("TableNames");
  writer.StartArray();
  for (auto it = first; it != last; ++it) writer.String(it->data(), static_cast<rapidjson::SizeType>(it->size()));
  writer.EndArray();
  // Like DynamoDB, a full page names its last table even when no more follow.
  if (last != names.end() || (limit.has_value() && static_cast<std::size_t>(last - first) == page && page > 0)) {
    writer.Key("LastEvaluatedTableName");
    const std::string& last_name = *(last - 1);
    writer.String(last_name.data(), static_cast<rapidjson::SizeType>(last_name.size()));
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
