// GetItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
#include "model/result.h"
#include "ops/consumed_capacity.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/stored_item_json.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {

Result<std::string> get_item(RequestContext& context, const p::GetItemRequest& request) {
  EDDY_TRY(ReadProjection projection, ReadProjection::parse_of(request));
  EDDY_TRY(engine::TablePtr table, find_table(context, request.table_name));
  EDDY_TRY_VOID(validate_key(*table, request.key));

  ConsumedCapacity capacity;
  capacity.table_name = table->name;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (projection.empty()) {
    // The whole item: its stored bytes go straight into the answer, with no Item built from them.
    EDDY_TRY(std::optional<std::string> stored, context.database().get_stored_item(*table, request.key));
    std::size_t size = 0;
    if (stored) {
      std::string item_json;
      if (!append_stored_item_json(item_json, *stored, size)) return fail(engine::corrupt_item_error("a table"));
      writer.Key("Item");
      writer.RawValue(item_json.data(), item_json.size(), rapidjson::kObjectType);
    }
    capacity.table_units = read_units(size, request.consistent_read);
  } else {
    EDDY_TRY(std::optional<Item> item, context.database().get_item(*table, request.key));
    capacity.table_units = read_units(item ? item_size(*item) : 0, request.consistent_read);
    if (item) {
      writer.Key("Item");
      encode_attribute_map(writer, projection.apply(*item));
    }
  }
  write_consumed_capacity(writer, request.return_consumed_capacity, capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
