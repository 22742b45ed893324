// BatchWriteItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
// Up to 25 PutRequest/DeleteRequest over several tables. Every request is validated as PutItem or
// DeleteItem validates it before anything is written; then the writes commit together through the
// engine's one write path. A write to an item that an in-flight transaction holds is not waited
// for: it comes back in UnprocessedItems, as DynamoDB returns it, for the client to retry.
#include <set>

#include "ops/batch_request.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

constexpr std::size_t kMaxWrites = 25;

struct WriteRequest {
  bool put = false;
  bool malformed = false;  // neither or both of PutRequest and DeleteRequest
  Item item;               // the Item of a put, the Key of a delete
};

struct TableWrites {
  std::string name;
  std::vector<WriteRequest> requests;
  engine::TablePtr table;
};

struct BatchWrite {
  std::vector<TableWrites> tables;
  CapacityMode capacity = CapacityMode::kNone;
  bool metrics = false;
};

// One WriteRequest object; a missing Item/Key is a constraint violation at `path`.
Result<WriteRequest> read_request(const JsonValue& value, const std::string& path, ConstraintViolations& violations) {
  if (!value.IsObject()) return fail(wrong_type("WriteRequest", value));
  WriteRequest request;
  auto put = read_object(value, "PutRequest");
  if (!put) return fail(put.error());
  auto remove = read_object(value, "DeleteRequest");
  if (!remove) return fail(remove.error());
  request.malformed = (*put == nullptr) == (*remove == nullptr);
  if (*remove != nullptr) {
    auto key = read_attribute_map(**remove, "Key");
    if (!key) return fail(key.error());
    violations.not_null(path + ".member.deleteRequest.key", key->has_value());
    if (*key) request.item = std::move(**key);
  }
  if (*put != nullptr) {
    auto item = read_attribute_map(**put, "Item");
    if (!item) return fail(item.error());
    violations.not_null(path + ".member.putRequest.item", item->has_value());
    request.put = true;
    if (*item) request.item = std::move(**item);
  }
  return request;
}

Result<void> read_tables(const JsonValue& items, BatchWrite& batch, ConstraintViolations& violations) {
  check_table_name_keys(violations, "requestItems", items);
  bool sizes_reported = false;
  for (auto it = items.MemberBegin(); it != items.MemberEnd(); ++it) {
    TableWrites table;
    table.name.assign(it->name.GetString(), it->name.GetStringLength());
    if (!it->value.IsArray()) return fail(wrong_type(table.name.c_str(), it->value));
    std::size_t size = it->value.Size();
    if ((size < 1 || size > kMaxWrites) && !sizes_reported) {
      sizes_reported = true;
      violations.add("requestItems", map_text(items),
                     "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                     "Member must have length greater than or equal to 1]");
    }
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      std::string path = "requestItems." + table.name + ".member." + std::to_string(i + 1);
      auto request = read_request(it->value[i], path, violations);
      if (!request) return fail(request.error());
      table.requests.push_back(std::move(*request));
    }
    batch.tables.push_back(std::move(table));
  }
  return {};
}

Result<BatchWrite> parse(const JsonValue& request) {
  ConstraintViolations violations;
  BatchWrite batch;
  auto capacity = read_string(request, "ReturnConsumedCapacity");
  if (!capacity) return fail(capacity.error());
  auto metrics = read_string(request, "ReturnItemCollectionMetrics");
  if (!metrics) return fail(metrics.error());
  auto items = read_object(request, "RequestItems");
  if (!items) return fail(items.error());
  violations.enum_value("returnConsumedCapacity", *capacity, {"INDEXES", "TOTAL", "NONE"});
  violations.enum_value("returnItemCollectionMetrics", *metrics, {"SIZE", "NONE"});
  batch.capacity = capacity_mode(*capacity);
  batch.metrics = *metrics == "SIZE";
  if (*items == nullptr) {
    violations.not_null("requestItems", false);
  } else if ((*items)->MemberCount() == 0) {
    violations.add("requestItems", "{}", "Member must have length greater than or equal to 1");
  } else if (auto read = read_tables(**items, batch, violations); !read) {
    return fail(read.error());
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  std::size_t count = 0;
  for (const auto& table : batch.tables) {
    for (const auto& write : table.requests) {
      if (write.malformed) {
        return validation_error(
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
            "datatypes");
      }
      if (write.put) {
        if (auto sized = validate_item_size(write.item); !sized) return fail(sized.error());
      }
      if (++count > kMaxWrites) return validation_error("Too many items requested for the BatchWriteItem call");
    }
  }
  return batch;
}

// Finds the tables, validates every request against its table's schema and refuses a key named twice.
Result<void> validate(RequestContext& context, BatchWrite& batch) {
  for (auto& table : batch.tables) {
    auto found = find_table(context, table.name);
    if (!found) return fail(found.error());
    table.table = *found;
  }
  for (const auto& table : batch.tables) {
    std::set<std::string> seen;
    for (const auto& write : table.requests) {
      Item key = write.put ? engine::key_of(table.table->key, write.item) : write.item;
      if (auto valid = validate_key(*table.table, key); !valid) return fail(valid.error());
      if (write.put) {
        if (auto valid = validate_item(*table.table, write.item); !valid) return fail(valid.error());
      }
      if (!seen.insert(engine::item_id(*table.table, key)).second) {
        return validation_error("Provided list of item keys contains duplicates");
      }
    }
  }
  return {};
}

void write_request_json(JsonWriter& writer, const WriteRequest& write) {
  writer.StartObject();
  writer.Key(write.put ? "PutRequest" : "DeleteRequest");
  writer.StartObject();
  writer.Key(write.put ? "Item" : "Key");
  encode_attribute_map(writer, write.item);
  writer.EndObject();
  writer.EndObject();
}

}  // namespace

Result<std::string> batch_write_item(RequestContext& context, const JsonValue& request) {
  auto batch = parse(request);
  if (!batch) return fail(batch.error());
  if (auto valid = validate(context, *batch); !valid) return fail(valid.error());

  auto& database = context.database();
  std::vector<engine::Database::MultiWrite> writes;
  std::vector<std::pair<const TableWrites*, const WriteRequest*>> applied;
  std::vector<std::vector<const WriteRequest*>> unprocessed(batch->tables.size());
  for (std::size_t t = 0; t < batch->tables.size(); ++t) {
    const TableWrites& table = batch->tables[t];
    for (const auto& write : table.requests) {
      Item key = engine::key_of(table.table->key, write.item);
      if (database.transaction_claims().held(engine::item_id(*table.table, key))) {
        unprocessed[t].push_back(&write);
        continue;
      }
      std::optional<Item> next = write.put ? std::optional<Item>(write.item) : std::nullopt;
      writes.push_back({table.table, std::move(key), [next](const std::optional<Item>&) -> Result<std::optional<Item>> {
                          return next;
                        }});
      applied.emplace_back(&table, &write);
    }
  }
  auto outcome = database.write_items(writes);
  if (!outcome) return fail(outcome.error());

  CapacityTotals capacity;
  CollectionMetrics metrics;
  for (std::size_t i = 0; i < applied.size(); ++i) {
    const auto& result = outcome->outcomes[i];
    capacity.add(write_capacity(*applied[i].first->table, result.old_item, result.new_item));
    if (batch->metrics) metrics.add(*applied[i].first->table, applied[i].second->item);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("UnprocessedItems");
  writer.StartObject();
  for (std::size_t t = 0; t < batch->tables.size(); ++t) {
    if (unprocessed[t].empty()) continue;
    const std::string& name = batch->tables[t].name;
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    writer.StartArray();
    for (const WriteRequest* write : unprocessed[t]) write_request_json(writer, *write);
    writer.EndArray();
  }
  writer.EndObject();
  capacity.write(writer, batch->capacity);
  metrics.write(writer);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
