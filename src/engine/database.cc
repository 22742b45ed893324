// The table engine's write path; see database.h.
#include "engine/database.h"

#include "engine/index_writer.h"
#include "engine/item_codec.h"
#include "engine/key_codec.h"

namespace eddy::engine {

Item key_of(const KeySchema& schema, const Item& item) {
  Item key;
  for (const auto& name : schema.attribute_names()) {
    auto it = item.find(name);
    if (it != item.end()) key.insert(*it);
  }
  return key;
}

Result<std::unique_ptr<Database>> Database::open(const StorageOptions& options) {
  auto storage = Storage::open(options);
  if (!storage) return fail(storage.error());
  std::unique_ptr<Database> database(new Database(std::move(*storage)));
  if (auto loaded = database->catalog_.load(); !loaded) return fail(loaded.error());
  return database;
}

std::optional<Item> Database::get_item(const TableDefinition& table, const Item& key, const ReadView* view) const {
  auto bytes = storage_->get(item_key(table.id, table.key, key), view);
  if (!bytes) return std::nullopt;
  return decode_item(*bytes);
}

void Database::stage_change(const TableDefinition& table, const std::string& key, const std::optional<Item>& old_item,
                            const std::optional<Item>& new_item, CommitContext& context, bool expired_by_ttl) {
  int64_t count_delta = 0;
  int64_t bytes_delta = 0;
  if (old_item) {
    --count_delta;
    bytes_delta -= static_cast<int64_t>(item_size(*old_item));
  }
  if (new_item) {
    ++count_delta;
    bytes_delta += static_cast<int64_t>(item_size(*new_item));
    context.writes.put(key, encode_item(*new_item));
  } else if (old_item) {
    context.writes.remove(key);
  }
  if (count_delta != 0 || bytes_delta != 0) context.writes.add_counters(counters_key(table.id), count_delta, bytes_delta);
  stage_index_changes(table, old_item, new_item, context.writes);
  ItemChange change{&table, &old_item, &new_item, expired_by_ttl};
  for (ChangeObserver* observer : observers_) observer->on_change(change, context);
}

Result<void> Database::commit(CommitContext& context) {
  if (!context.writes.empty()) {
    if (auto written = storage_->write(context.writes); !written) return written;
  }
  context.locks.clear();
  for (auto& callback : context.after_commit) callback();
  return {};
}

Result<WriteOutcome> Database::write_item(const TableDefinition& table, const Item& key, const Mutator& mutate,
                                          bool expired_by_ttl) {
  std::string rocks_key = item_key(table.id, table.key, key);
  // As on DynamoDB, a single-item write on an item that an in-flight transaction holds is refused
  // (TTL deletions are the service's own and simply wait for the item's lock).
  if (!expired_by_ttl && transaction_claims_.held(rocks_key)) {
    return fail(ApiError{ErrorCode::kTransactionConflict,
                         "Operation was rejected because there is an ongoing transaction for the item.", {}});
  }
  KeyLocks::Guard guard = locks_.lock(rocks_key);
  WriteOutcome outcome;
  if (auto bytes = storage_->get(rocks_key)) outcome.old_item = decode_item(*bytes);
  auto decided = mutate(outcome.old_item);
  if (!decided) return fail(decided.error());
  outcome.new_item = std::move(*decided);
  if (!outcome.old_item && !outcome.new_item) return outcome;  // deleting a missing item changes nothing
  CommitContext context;
  stage_change(table, rocks_key, outcome.old_item, outcome.new_item, context, expired_by_ttl);
  if (auto committed = commit(context); !committed) return fail(committed.error());
  return outcome;
}

Result<Database::MultiOutcome> Database::write_items(const std::vector<MultiWrite>& writes) {
  std::vector<std::string> keys;
  keys.reserve(writes.size());
  for (const auto& write : writes) keys.push_back(item_key(write.table->id, write.table->key, write.key));
  KeyLocks::Guard guard = locks_.lock_all(keys);
  MultiOutcome result;
  result.outcomes.resize(writes.size());
  result.errors.resize(writes.size());
  bool failed = false;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    if (auto bytes = storage_->get(keys[i])) result.outcomes[i].old_item = decode_item(*bytes);
    auto decided = writes[i].mutate(result.outcomes[i].old_item);
    if (!decided) {
      result.errors[i] = decided.error();
      failed = true;
      continue;
    }
    result.outcomes[i].new_item = std::move(*decided);
  }
  if (failed) return result;
  CommitContext context;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    const auto& outcome = result.outcomes[i];
    if (writes[i].check_only || (!outcome.old_item && !outcome.new_item)) continue;
    stage_change(*writes[i].table, keys[i], outcome.old_item, outcome.new_item, context);
  }
  if (auto committed = commit(context); !committed) return fail(committed.error());
  result.committed = true;
  return result;
}

Result<void> Database::drop_table_data(const TableDefinition& table) {
  // Deleted key by key (not DeleteRange) so that the deletion is bounded in memory per batch and
  // leaves no range tombstones behind; tables in local development are small.
  auto drop_collection = [&](char space, uint64_t id) -> Result<void> {
    std::string lower = collection_prefix(space, id);
    std::string upper = collection_prefix(space, id + 1);
    auto cursor = storage_->cursor(lower, upper);
    WriteSet writes;
    std::size_t pending = 0;
    for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
      writes.remove(cursor->key());
      if (++pending == 1000) {
        if (auto written = storage_->write(writes); !written) return written;
        writes = WriteSet();
        pending = 0;
      }
    }
    writes.remove(counters_key(id));
    return storage_->write(writes);
  };
  if (auto dropped = drop_collection(kItemPrefix, table.id); !dropped) return dropped;
  for (const auto& index : table.local_indexes) {
    if (auto dropped = drop_collection(kIndexPrefix, index.id); !dropped) return dropped;
  }
  for (const auto& index : table.global_indexes) {
    if (auto dropped = drop_collection(kIndexPrefix, index.id); !dropped) return dropped;
  }
  return {};
}

std::pair<int64_t, int64_t> Database::counters(uint64_t id) const { return storage_->counters(counters_key(id)); }

}  // namespace eddy::engine
