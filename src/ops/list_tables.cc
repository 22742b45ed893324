// ListTables: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
#include <algorithm>

#include "ops/operations.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<std::string> list_tables(RequestContext& context, const JsonValue& request) {
  auto start = read_string(request, "ExclusiveStartTableName");
  if (!start) return fail(start.error());
  auto limit = read_integer(request, "Limit");
  if (!limit) return fail(limit.error());
  ConstraintViolations violations;
  violations.table_name("exclusiveStartTableName", *start, false);
  violations.integer_range("limit", *limit, 1, 100);
  if (auto checked = violations.result(); !checked) return fail(checked.error());

  std::vector<std::string> names = context.database().catalog().names();
  auto first = names.begin();
  if (*start) first = std::upper_bound(names.begin(), names.end(), **start);
  std::size_t page = static_cast<std::size_t>(limit->value_or(100));
  auto last = first + static_cast<std::ptrdiff_t>(std::min<std::size_t>(page, names.end() - first));

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("TableNames");
  writer.StartArray();
  for (auto it = first; it != last; ++it) writer.String(it->data(), static_cast<rapidjson::SizeType>(it->size()));
  writer.EndArray();
  // Like DynamoDB, a full page names its last table even when no more follow.
  if (last != names.end() || (limit->has_value() && static_cast<std::size_t>(last - first) == page && page > 0)) {
    writer.Key("LastEvaluatedTableName");
    const std::string& last_name = *(last - 1);
    writer.String(last_name.data(), static_cast<rapidjson::SizeType>(last_name.size()));
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
