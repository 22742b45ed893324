// BatchWriteItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
// Up to 25 PutRequest/DeleteRequest over several tables. Every request is validated as PutItem or
// DeleteItem validates it before anything is written; then the writes commit together through the
// engine's one write path. A write to an item that an in-flight transaction holds is not waited
// for: it comes back in UnprocessedItems, as DynamoDB returns it, for the client to retry.
#include <set>

#include "model/errors.h"
#include "model/result.h"
#include "ops/batch_response.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/table_lookup.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

// One write as the engine sees it: the Item of a put, or the Key of a delete.
struct Write {
  bool put = false;
  const Item* item = nullptr;
};

struct TableWrites {
  const std::string& name;
  std::vector<Write> writes;
  engine::TablePtr table;
};

std::vector<TableWrites> writes_of(const p::BatchWriteItemRequest& request) {
  std::vector<TableWrites> tables;
  for (const auto& [name, requests] : request.request_items) {
    TableWrites table{name, {}, nullptr};
    for (const auto& write : requests) {
      table.writes.push_back(write.put_request ? Write{true, &write.put_request->item}
                                               : Write{false, &write.delete_request->key});
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

// Finds the tables, validates every request against its table's schema and refuses a key named twice.
Result<void> validate(RequestContext& context, std::vector<TableWrites>& tables) {
  for (auto& table : tables) {
    EDDY_TRY(table.table, find_table(context, table.name));
  }
  for (const auto& table : tables) {
    std::set<std::string> seen;
    for (const auto& write : table.writes) {
      Item key = write.put ? engine::key_of(table.table->key, *write.item) : *write.item;
      EDDY_TRY_VOID(validate_key(*table.table, key));
      if (write.put) EDDY_TRY_VOID(validate_item(*table.table, *write.item));
      if (!seen.insert(engine::item_id(*table.table, key)).second) {
        return fail(errors::duplicate_keys());
      }
    }
  }
  return {};
}

void write_request_json(JsonWriter& writer, const Write& write) {
  writer.StartObject();
  writer.Key(write.put ? "PutRequest" : "DeleteRequest");
  writer.StartObject();
  writer.Key(write.put ? "Item" : "Key");
  encode_attribute_map(writer, *write.item);
  writer.EndObject();
  writer.EndObject();
}

std::string respond(const p::BatchWriteItemRequest& request, const std::vector<TableWrites>& tables,
                    const std::vector<std::pair<const TableWrites*, const Write*>>& applied,
                    const engine::Database::MultiOutcome& outcome,
                    const std::vector<std::vector<const Write*>>& unprocessed) {
  CapacityTotals capacity;
  ItemCollectionMetrics metrics;
  bool want_metrics = request.return_item_collection_metrics == p::ReturnItemCollectionMetrics::kSize;
  for (std::size_t i = 0; i < applied.size(); ++i) {
    const auto& result = outcome.outcomes[i];
    capacity.add(write_capacity(*applied[i].first->table, result.old_item, result.new_item));
    if (want_metrics) metrics.add(*applied[i].first->table, *applied[i].second->item, result);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("UnprocessedItems");
  writer.StartObject();
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (unprocessed[t].empty()) continue;
    const std::string& name = tables[t].name;
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    writer.StartArray();
    for (const Write* write : unprocessed[t]) write_request_json(writer, *write);
    writer.EndArray();
  }
  writer.EndObject();
  capacity.write(writer, request.return_consumed_capacity);
  metrics.write(writer);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::string> batch_write_item(RequestContext& context, const p::BatchWriteItemRequest& request) {
  std::vector<TableWrites> tables = writes_of(request);
  EDDY_TRY_VOID(validate(context, tables));

  auto& database = context.database();
  std::vector<engine::Database::MultiWrite> writes;
  std::vector<std::pair<const TableWrites*, const Write*>> applied;
  std::vector<std::vector<const Write*>> unprocessed(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const TableWrites& table = tables[t];
    for (const auto& write : table.writes) {
      Item key = engine::key_of(table.table->key, *write.item);
      if (database.transaction_claims().held(engine::item_id(*table.table, key))) {
        unprocessed[t].push_back(&write);
        continue;
      }
      std::optional<Item> next = write.put ? std::optional<Item>(*write.item) : std::nullopt;
      writes.push_back({table.table, std::move(key),
                        [next](const std::optional<Item>&) -> Result<std::optional<Item>> { return next; }});
      applied.emplace_back(&table, &write);
    }
  }
  EDDY_TRY(engine::Database::MultiOutcome outcome, database.write_items(writes));
  // A write that would take an item collection past its limit fails the whole batch, which
  // writes nothing (ItemCollectionSizeLimitExceededException).
  if (!outcome.committed) {
    for (const auto& error : outcome.errors) {
      if (error) return fail(*error);
    }
  }
  return respond(request, tables, applied, outcome, unprocessed);
}

}  // namespace eddy::ops
