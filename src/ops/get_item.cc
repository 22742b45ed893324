// GetItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
#include "model/result.h"
#include "ops/consumed_capacity.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {

Result<std::string> get_item(RequestContext& context, const p::GetItemRequest& request) {
  EDDY_TRY(ReadProjection projection, ReadProjection::parse_of(request));
  EDDY_TRY(engine::TablePtr table, find_table(context, request.table_name));
  EDDY_TRY_VOID(validate_key(*table, request.key));

  EDDY_TRY(std::optional<Item> item, context.database().get_item(*table, request.key));
  ConsumedCapacity capacity;
  capacity.table_name = table->name;
  capacity.table_units = read_units(item ? item_size(*item) : 0, request.consistent_read);

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (item) {
    writer.Key("Item");
    encode_attribute_map(writer, projection.apply(*item));
  }
  write_consumed_capacity(writer, request.return_consumed_capacity, capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
