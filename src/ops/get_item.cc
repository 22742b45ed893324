// GetItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
#include "ops/item_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {

Result<std::string> get_item(RequestContext& context, const JsonValue& request) {
  ConstraintViolations violations;
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  auto key = read_attribute_map(request, "Key");
  if (!key) return fail(key.error());
  auto consistent = read_bool(request, "ConsistentRead");
  if (!consistent) return fail(consistent.error());
  auto capacity_value = read_string(request, "ReturnConsumedCapacity");
  if (!capacity_value) return fail(capacity_value.error());
  violations.table_name("tableName", *name);
  violations.not_null("key", key->has_value());
  violations.enum_value("returnConsumedCapacity", *capacity_value, {"INDEXES", "TOTAL", "NONE"});
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  auto projection = ReadProjection::parse(request);
  if (!projection) return fail(projection.error());
  auto table = find_table(context, **name);
  if (!table) return fail(table.error());
  if (auto valid = validate_key(**table, **key); !valid) return fail(valid.error());

  auto read = context.database().get_item(**table, **key);
  if (!read) return fail(read.error());
  const std::optional<Item>& item = *read;
  CapacityMode mode = capacity_mode(*capacity_value);
  ConsumedCapacity capacity;
  capacity.table_name = (*table)->name;
  capacity.table_units = read_units(item ? item_size(*item) : 0, consistent->value_or(false));

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (item) {
    writer.Key("Item");
    encode_attribute_map(writer, projection->apply(*item));
  }
  write_consumed_capacity(writer, mode, capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
