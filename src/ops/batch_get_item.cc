// BatchGetItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
// Up to 100 keys over several tables, read from one snapshot. Keys beyond the 16 MB response
// limit come back in UnprocessedKeys, with their table's read parameters, for the client to retry.
#include <set>

#include "ops/batch_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

constexpr std::size_t kMaxKeys = 100;
constexpr std::size_t kMaxResponseBytes = 16u << 20;

struct TableRead {
  std::string name;
  const JsonValue* spec = nullptr;  // the KeysAndAttributes object, copied into UnprocessedKeys
  std::vector<Item> keys;
  bool consistent = false;
  ReadProjection projection;
  engine::TablePtr table;
};

struct BatchGet {
  std::vector<TableRead> tables;
  CapacityMode capacity = CapacityMode::kNone;
};

// Reads one table's KeysAndAttributes; constraint violations go to `violations`.
Result<TableRead> read_table(const JsonValue::ConstMemberIterator& member, ConstraintViolations& violations) {
  TableRead read;
  read.name.assign(member->name.GetString(), member->name.GetStringLength());
  read.spec = &member->value;
  if (!member->value.IsObject()) return fail(wrong_type(read.name.c_str(), member->value));
  auto keys = read_array(member->value, "Keys");
  if (!keys) return fail(keys.error());
  auto consistent = read_bool(member->value, "ConsistentRead");
  if (!consistent) return fail(consistent.error());
  read.consistent = consistent->value_or(false);
  std::string path = "requestItems." + read.name + ".member.keys";
  if (*keys == nullptr) {
    violations.not_null(path, false);
    return read;
  }
  if ((*keys)->Empty()) violations.add(path, "[]", "Member must have length greater than or equal to 1");
  if ((*keys)->Size() > kMaxKeys) violations.add(path, list_text(**keys), "Member must have length less than or equal to 100");
  for (const auto& key : (*keys)->GetArray()) {
    if (!key.IsObject()) return fail(wrong_type("Keys", key));
    auto decoded = decode_attribute_map(key);
    if (!decoded) return fail(decoded.error());
    read.keys.push_back(std::move(*decoded));
  }
  return read;
}

Result<BatchGet> parse(const JsonValue& request) {
  ConstraintViolations violations;
  BatchGet batch;
  auto capacity = read_string(request, "ReturnConsumedCapacity");
  if (!capacity) return fail(capacity.error());
  auto items = read_object(request, "RequestItems");
  if (!items) return fail(items.error());
  violations.enum_value("returnConsumedCapacity", *capacity, {"INDEXES", "TOTAL", "NONE"});
  batch.capacity = capacity_mode(*capacity);
  if (*items == nullptr) {
    violations.not_null("requestItems", false);
  } else if ((*items)->MemberCount() == 0) {
    violations.add("requestItems", "{}", "Member must have length greater than or equal to 1");
  } else {
    check_table_name_keys(violations, "requestItems", **items);
    for (auto it = (*items)->MemberBegin(); it != (*items)->MemberEnd(); ++it) {
      auto table = read_table(it, violations);
      if (!table) return fail(table.error());
      batch.tables.push_back(std::move(*table));
    }
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  std::size_t count = 0;
  for (auto& table : batch.tables) {
    auto projection = ReadProjection::parse(*table.spec);
    if (!projection) return fail(projection.error());
    table.projection = std::move(*projection);
    std::set<std::string> seen;
    for (const auto& key : table.keys) {
      if (!seen.insert(key_identity(key)).second) {
        return validation_error("Provided list of item keys contains duplicates");
      }
      if (++count > kMaxKeys) return validation_error("Too many items requested for the BatchGetItem call");
    }
  }
  return batch;
}

// Writes the table's KeysAndAttributes with only `keys` left in Keys.
void write_unprocessed(JsonWriter& writer, const TableRead& table, const std::vector<const Item*>& keys) {
  writer.Key(table.name.data(), static_cast<rapidjson::SizeType>(table.name.size()));
  writer.StartObject();
  writer.Key("Keys");
  writer.StartArray();
  for (const Item* key : keys) encode_attribute_map(writer, *key);
  writer.EndArray();
  for (auto it = table.spec->MemberBegin(); it != table.spec->MemberEnd(); ++it) {
    std::string_view name(it->name.GetString(), it->name.GetStringLength());
    if (name == "Keys") continue;
    writer.Key(it->name.GetString(), it->name.GetStringLength());
    it->value.Accept(writer);
  }
  writer.EndObject();
}

Result<std::string> respond(RequestContext& context, const BatchGet& batch) {
  auto view = context.database().read_view();
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  CapacityTotals capacity;
  std::vector<std::vector<const Item*>> unprocessed(batch.tables.size());
  std::size_t bytes = 0;
  bool full = false;
  writer.StartObject();
  writer.Key("Responses");
  writer.StartObject();
  for (std::size_t t = 0; t < batch.tables.size(); ++t) {
    const TableRead& table = batch.tables[t];
    writer.Key(table.name.data(), static_cast<rapidjson::SizeType>(table.name.size()));
    writer.StartArray();
    ConsumedCapacity units{table.table->name, 0, {}, {}};
    for (const Item& key : table.keys) {
      std::optional<Item> item;
      if (!full) {
        auto read = context.database().get_item(*table.table, key, view.get());
        if (!read) return fail(read.error());
        item = std::move(*read);
      }
      std::size_t size = item ? item_size(*item) : 0;
      // Once an item would take the response past 16 MB, it and every key after it are left over.
      full = full || bytes + size > kMaxResponseBytes;
      if (full) {
        unprocessed[t].push_back(&key);
        continue;
      }
      units.table_units += read_units(size, table.consistent);
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
  for (std::size_t t = 0; t < batch.tables.size(); ++t) {
    if (!unprocessed[t].empty()) write_unprocessed(writer, batch.tables[t], unprocessed[t]);
  }
  writer.EndObject();
  capacity.write(writer, batch.capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::string> batch_get_item(RequestContext& context, const JsonValue& request) {
  auto batch = parse(request);
  if (!batch) return fail(batch.error());
  for (auto& table : batch->tables) {
    auto found = find_table(context, table.name);
    if (!found) return fail(found.error());
    table.table = *found;
  }
  for (const auto& table : batch->tables) {
    for (const auto& key : table.keys) {
      if (auto valid = validate_key(*table.table, key); !valid) return fail(valid.error());
    }
  }
  return respond(context, *batch);
}

}  // namespace eddy::ops
