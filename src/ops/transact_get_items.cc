// TransactGetItems: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
// Up to 100 Gets over several tables, all read from one RocksDB snapshot: the answer is the state
// between two commits, so no transaction is ever seen half applied (docs/transactions.md).
#include <set>

#include "ops/batch_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"
#include "ops/transaction_request.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

struct TransactGet {
  std::string table_name;
  Item key;
  ReadProjection projection;
  engine::TablePtr table;
};

Result<TransactGet> read_get(const JsonValue& entry, std::size_t index, ConstraintViolations& violations) {
  if (!entry.IsObject()) return fail(wrong_type("TransactItems", entry));
  std::string path = "transactItems." + std::to_string(index + 1) + ".member.get";
  TransactGet get;
  auto object = read_object(entry, "Get");
  if (!object) return fail(object.error());
  if (*object == nullptr) {
    violations.not_null(path, false);
    return get;
  }
  auto key = read_attribute_map(**object, "Key");
  if (!key) return fail(key.error());
  auto table = read_string(**object, "TableName");
  if (!table) return fail(table.error());
  violations.not_null(path + ".key", key->has_value());
  violations.table_name(path + ".tableName", *table);
  get.table_name = table->value_or("");
  if (*key) get.key = std::move(**key);
  auto projection = ReadProjection::parse(**object);
  if (!projection) return fail(projection.error());
  get.projection = std::move(*projection);
  return get;
}

Result<std::vector<TransactGet>> parse(const JsonValue& request, CapacityMode& mode) {
  ConstraintViolations violations;
  auto capacity = read_string(request, "ReturnConsumedCapacity");
  if (!capacity) return fail(capacity.error());
  auto items = read_array(request, "TransactItems");
  if (!items) return fail(items.error());
  violations.enum_value("returnConsumedCapacity", *capacity, {"INDEXES", "TOTAL", "NONE"});
  mode = capacity_mode(*capacity);
  std::vector<TransactGet> gets;
  if (check_transact_items_count(*items, violations)) {
    for (rapidjson::SizeType i = 0; i < (*items)->Size(); ++i) {
      auto get = read_get((**items)[i], i, violations);
      if (!get) return fail(get.error());
      gets.push_back(std::move(*get));
    }
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  return gets;
}

Result<void> resolve(RequestContext& context, std::vector<TransactGet>& gets) {
  for (auto& get : gets) {
    auto table = find_table(context, get.table_name);
    if (!table) return fail(table.error());
    get.table = *table;
  }
  std::set<std::string> seen;
  for (const auto& get : gets) {
    if (auto valid = validate_key(*get.table, get.key); !valid) return fail(valid.error());
    if (!seen.insert(engine::item_id(*get.table, get.key)).second) {
      return validation_error("Transaction request cannot include multiple operations on one item");
    }
  }
  return {};
}

}  // namespace

Result<std::string> transact_get_items(RequestContext& context, const JsonValue& request) {
  CapacityMode mode = CapacityMode::kNone;
  auto gets = parse(request, mode);
  if (!gets) return fail(gets.error());
  if (auto resolved = resolve(context, *gets); !resolved) return fail(resolved.error());

  auto& database = context.database();
  auto view = database.read_view();
  CapacityTotals capacity;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");
  writer.StartArray();
  for (const auto& get : *gets) {
    auto read = database.get_item(*get.table, get.key, view.get());
    if (!read) return fail(read.error());
    const std::optional<Item>& item = *read;
    // A transactional read costs twice a strongly consistent read: prepare and commit.
    capacity.add(ConsumedCapacity{get.table->name, read_units(item ? item_size(*item) : 0, true), {}, {}}, 2);
    writer.StartObject();
    if (item) {
      writer.Key("Item");
      encode_attribute_map(writer, get.projection.apply(*item));
    }
    writer.EndObject();
  }
  writer.EndArray();
  capacity.write(writer, mode);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
