// One page of a Query or Scan; see read_pager.h.
#include "ops/read_pager.h"

#include "engine/item_codec.h"
#include "model/result.h"
#include "ops/stored_item_json.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

// The LastEvaluatedKey of an entry: the table's key, plus the index's key for index reads.
Item evaluated_key(const ReadRequest& read, const Item& item) {
  Item key = engine::key_of(read.table->key, item);
  if (read.index != nullptr) {
    for (auto& [name, value] : engine::key_of(read.index->key, item)) key.emplace(name, value);
  }
  return key;
}

}  // namespace

ConsumedCapacity page_capacity(const ReadRequest& read, const PageResult& state) {
  ConsumedCapacity capacity;
  capacity.table_name = read.table->name;
  double units = read_units(state.bytes, read.consistent);
  if (read.index == nullptr) {
    capacity.table_units = units;
  } else {
    capacity.table_units = state.table_fetch_units;
    (read.global_index ? capacity.global_indexes : capacity.local_indexes)[read.index->name] = units;
  }
  return capacity;
}

Result<PageResult> read_page_items(RequestContext& context, const ReadRequest& read, const engine::ItemRange& range,
                                   bool forward, JsonWriter* items, PageBudget budget) {
  auto& database = context.database();
  engine::ItemReader reader = database.read(range, forward);
  PageResult state;
  // Without a filter, a projection or a table fetch, items go from their stored bytes straight
  // into the answer (stored_item_json.h): no Item is built except for a LastEvaluatedKey.
  bool copy_stored = read.filter.empty() && read.projection.empty() && !read.fetch_from_table;
  std::string item_json;
  for (; copy_stored && reader.valid(); reader.next()) {
    item_json.clear();
    std::size_t size = 0;
    if (!append_stored_item_json(item_json, reader.value(), size)) return fail(engine::corrupt_item_error("a read"));
    state.bytes += size;
    ++state.scanned;
    ++state.count;
    if (items != nullptr) items->RawValue(item_json.data(), item_json.size(), rapidjson::kObjectType);
    if ((budget.limit && state.scanned >= *budget.limit) || state.bytes >= budget.bytes) {
      EDDY_TRY(Item entry, reader.item());
      state.last_key = evaluated_key(read, entry);
      break;
    }
  }
  for (; !copy_stored && reader.valid(); reader.next()) {
    EDDY_TRY(Item entry, reader.item());
    state.bytes += item_size(entry);
    ++state.scanned;
    std::optional<Item> fetched;
    if (read.fetch_from_table) {
      EDDY_TRY(fetched, database.get_item(*read.table, engine::key_of(read.table->key, entry)));
      state.table_fetch_units += read_units(fetched ? item_size(*fetched) : 0, read.consistent);
    }
    const Item& item = fetched ? *fetched : entry;
    bool keep = true;
    if (!read.filter.empty()) {
      EDDY_TRY(keep, read.filter.evaluate(item));
    }
    bool full = (budget.limit && state.scanned >= *budget.limit) || state.bytes >= budget.bytes;
    if (full) state.last_key = evaluated_key(read, entry);
    if (keep) {
      ++state.count;
      if (items != nullptr && read.projection.empty()) {
        encode_attribute_map(*items, item);
      } else if (items != nullptr) {
        encode_attribute_map(*items, read.projection.apply(fetched ? std::move(*fetched) : std::move(entry)));
      }
    }
    if (full) break;
  }
  // A page cut short by a failed read is an error, never a shorter page.
  EDDY_TRY_VOID(reader.status());
  return state;
}

Result<std::string> read_page(RequestContext& context, const ReadRequest& read, const engine::ItemRange& range,
                              bool forward) {
  bool return_items = read.mode != SelectMode::kCount;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (return_items) {
    writer.Key("Items");
    writer.StartArray();
  }
  EDDY_TRY(PageResult state,
           read_page_items(context, read, range, forward, return_items ? &writer : nullptr, {read.limit, kPageBytes}));
  if (return_items) writer.EndArray();
  writer.Key("Count");
  writer.Int64(state.count);
  writer.Key("ScannedCount");
  writer.Int64(state.scanned);
  if (state.last_key) {
    writer.Key("LastEvaluatedKey");
    encode_attribute_map(writer, *state.last_key);
  }
  write_consumed_capacity(writer, read.capacity, page_capacity(read, state));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
