// BatchGetItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
// Up to 100 keys over several tables, read from one snapshot. Keys beyond the 16 MB response
// limit come back in UnprocessedKeys, with their table's read parameters, for the client to retry.
#include "model/result.h"
#include "ops/batch_response.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

constexpr std::size_t kMaxResponseBytes = 16u << 20;

struct TableRead {
  const std::string& name;
  const p::KeysAndAttributes& request;
  ReadProjection projection;
  engine::TablePtr table;
};

// Writes the table's KeysAndAttributes as the request gave them, with only `keys` left in Keys.
void write_unprocessed(JsonWriter& writer, const TableRead& table, const std::vector<const Item*>& keys) {
  const p::KeysAndAttributes& request = table.request;
  writer.Key(table.name.data(), static_cast<rapidjson::SizeType>(table.name.size()));
  writer.StartObject();
  writer.Key("Keys");
  writer.StartArray();
  for (const Item* key : keys) encode_attribute_map(writer, *key);
  writer.EndArray();
  if (request.consistent_read) {
    writer.Key("ConsistentRead");
    writer.Bool(*request.consistent_read);
  }
  if (request.projection_expression) {
    writer.Key("ProjectionExpression");
    writer.String(request.projection_expression->data(),
                  static_cast<rapidjson::SizeType>(request.projection_expression->size()));
  }
  if (request.attributes_to_get) {
    writer.Key("AttributesToGet");
    writer.StartArray();
    for (const auto& name : *request.attributes_to_get) {
      writer.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    }
    writer.EndArray();
  }
  if (request.expression_attribute_names) {
    writer.Key("ExpressionAttributeNames");
    writer.StartObject();
    for (const auto& [placeholder, name] : *request.expression_attribute_names) {
      writer.Key(placeholder.data(), static_cast<rapidjson::SizeType>(placeholder.size()));
      writer.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    }
    writer.EndObject();
  }
  writer.EndObject();
}

Result<std::string> respond(RequestContext& context, const std::vector<TableRead>& tables,
                            ReturnConsumedCapacity mode) {
  auto view = context.database().read_view();
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  CapacityTotals capacity;
  std::vector<std::vector<const Item*>> unprocessed(tables.size());
  std::size_t bytes = 0;
  bool full = false;
  writer.StartObject();
  writer.Key("Responses");
  writer.StartObject();
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const TableRead& table = tables[t];
    bool consistent = table.request.consistent_read.value_or(false);
    writer.Key(table.name.data(), static_cast<rapidjson::SizeType>(table.name.size()));
    writer.StartArray();
    ConsumedCapacity units{table.table->name, 0, {}, {}};
    for (const Item& key : table.request.keys) {
      std::optional<Item> item;
      if (!full) {
        EDDY_TRY(item, context.database().get_item(*table.table, key, view.get()));
      }
      std::size_t size = item ? item_size(*item) : 0;
      // Once an item would take the response past 16 MB, it and every key after it are left over.
      full = full || bytes + size > kMaxResponseBytes;
      if (full) {
        unprocessed[t].push_back(&key);
        continue;
      }
      units.table_units += read_units(size, consistent);
      if (!item) continue;
      bytes += size;
      encode_attribute_map(writer, table.projection.apply(*item));
    }
    capacity.add(units);
    writer.EndArray();
  }
  writer.EndObject();
  writer.Key("UnprocessedKeys");
  writer.StartObject();
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (!unprocessed[t].empty()) write_unprocessed(writer, tables[t], unprocessed[t]);
  }
  writer.EndObject();
  capacity.write(writer, mode);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::string> batch_get_item(RequestContext& context, const p::BatchGetItemRequest& request) {
  std::vector<TableRead> tables;
  for (const auto& [name, keys_and_attributes] : request.request_items) {
    EDDY_TRY(ReadProjection projection, ReadProjection::parse_of(keys_and_attributes));
    tables.push_back(TableRead{name, keys_and_attributes, std::move(projection), nullptr});
  }
  for (auto& table : tables) {
    EDDY_TRY(table.table, find_table(context, table.name));
  }
  for (const auto& table : tables) {
    for (const auto& key : table.request.keys) EDDY_TRY_VOID(validate_key(*table.table, key));
  }
  return respond(context, tables, request.return_consumed_capacity);
}

}  // namespace eddy::ops
