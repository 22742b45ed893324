// The table engine's write path; see database.h.
#include "engine/database.h"

#include <map>

#include "engine/index_writer.h"
#include "engine/item_codec.h"
#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {

Item key_of(const KeySchema& schema, const Item& item) {
  Item key;
  for (const auto& name : schema.attribute_names()) {
    auto it = item.find(name);
    if (it != item.end()) key.insert(*it);
  }
  return key;
}

std::string item_id(const TableDefinition& table, const Item& key) { return item_key(table.id, table.key, key); }

uint32_t partition_hash_of(const KeySchema& schema, const Item& item) {
  return partition_hash(encode_partition(schema, item));
}

Result<std::unique_ptr<Database>> Database::open(const StorageOptions& options) {
  EDDY_TRY(auto storage, Storage::open(options));
  std::unique_ptr<Database> database(new Database(std::move(storage)));
  EDDY_TRY_VOID(database->catalog_.load());
  EDDY_TRY_VOID(database->backups_.remove_unfinished());
  EDDY_TRY_VOID(database->remove_unfinished_restores());
  database->add_observer(&database->point_in_time_log_);
  return database;
}

Result<std::optional<Item>> Database::read_item(const std::string& key, const ReadView* view) const {
  EDDY_TRY(std::optional<std::string> bytes, storage_->get(key, view));
  if (!bytes) return std::optional<Item>();
  auto item = decode_item(*bytes);
  if (!item) return fail(corrupt_item_error("a table"));
  return item;
}

Result<std::optional<Item>> Database::get_item(const TableDefinition& table, const Item& key,
                                               const ReadView* view) const {
  return read_item(item_key(table.id, table.key, key), view);
}

Result<std::optional<std::string>> Database::get_stored_item(const TableDefinition& table, const Item& key,
                                                             const ReadView* view) const {
  return storage_->get(item_key(table.id, table.key, key), view);
}

Result<ItemCounters> Database::counters(uint64_t id) const {
  EDDY_TRY(auto stored, storage_->counters(counters_key(id)));
  return ItemCounters{stored.first, stored.second};
}

Result<void> Database::stage_change(const TableDefinition& table, const std::string& key,
                                    const std::optional<Item>& old_item, const std::optional<Item>& new_item,
                                    CommitContext& context, bool expired_by_ttl, bool observed) {
  int64_t count_delta = 0;
  int64_t bytes_delta = 0;
  WriteSet& writes = context.writes_;
  if (old_item) {
    --count_delta;
    bytes_delta -= static_cast<int64_t>(item_size(*old_item));
  }
  if (new_item) {
    ++count_delta;
    bytes_delta += static_cast<int64_t>(item_size(*new_item));
    writes.put(key, encode_item(*new_item));
  } else if (old_item) {
    writes.remove(key);
  }
  if (count_delta != 0 || bytes_delta != 0) writes.add_counters(counters_key(table.id), count_delta, bytes_delta);
  stage_index_changes(table, old_item, new_item, writes);
  if (!table.local_indexes.empty()) {
    int64_t collection_delta = item_collection_bytes(table, new_item) - item_collection_bytes(table, old_item);
    if (count_delta != 0 || collection_delta != 0) {
      writes.add_counters(item_collection_key(table, new_item ? *new_item : *old_item), count_delta, collection_delta);
    }
  }
  if (!observed) return {};
  ItemChange change{&table, &old_item, &new_item, expired_by_ttl};
  for (ChangeObserver* observer : observers_) {
    EDDY_TRY_VOID(observer->on_change(change, context));
  }
  return {};
}

Result<int64_t> Database::collection_after(const TableDefinition& table, const Item& key, const WriteOutcome& outcome,
                                           int64_t pending) const {
  EDDY_TRY(auto stored, storage_->counters(item_collection_key(table, key)));
  int64_t delta = item_collection_bytes(table, outcome.new_item) - item_collection_bytes(table, outcome.old_item);
  int64_t after = stored.second + pending + delta;
  // Two writes to different items of one collection may both pass with the last bytes below the
  // limit: the counter stays exact (a merge), the limit may be passed by one concurrent write.
  if (delta > 0 && after > item_collection_limit_) return fail(item_collection_too_large());
  return after;
}

Result<void> Database::commit(CommitContext& context) {
  Result<void> written;
  if (!context.writes_.empty()) written = storage_->write(context.writes_);
  context.finish(written.has_value());
  return written;
}

Result<WriteOutcome> Database::write_item(const TableDefinition& table, const Item& key, const Mutator& mutate,
                                          bool expired_by_ttl) {
  std::string rocks_key = item_key(table.id, table.key, key);
  // As on DynamoDB, a single-item write on an item that an in-flight transaction holds is refused
  // (TTL deletions are the service's own and simply wait for the item's lock).
  if (!expired_by_ttl && transaction_claims_.held(rocks_key)) {
    return fail(ApiError{ErrorCode::kTransactionConflict,
                         "Operation was rejected because there is an ongoing transaction for the item.",
                         {}});
  }
  KeyLocks::Guard guard = locks_.lock(rocks_key);
  WriteOutcome outcome;
  // A failed read refuses the write: it is never taken for an absent item (which a condition such
  // as attribute_not_exists would let be overwritten).
  EDDY_TRY(outcome.old_item, read_item(rocks_key));
  EDDY_TRY(outcome.new_item, mutate(outcome.old_item));
  if (!table.local_indexes.empty()) {
    EDDY_TRY(outcome.collection_bytes, collection_after(table, key, outcome, 0));
  }
  if (!outcome.old_item && !outcome.new_item) return outcome;  // deleting a missing item changes nothing
  CommitContext context;
  EDDY_TRY_VOID(stage_change(table, rocks_key, outcome.old_item, outcome.new_item, context, expired_by_ttl));
  EDDY_TRY_VOID(commit(context));
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
  std::map<std::string, int64_t> collection_growth;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    EDDY_TRY(result.outcomes[i].old_item, read_item(keys[i]));
    auto decided = writes[i].mutate(result.outcomes[i].old_item);
    if (!decided) {
      result.errors[i] = decided.error();
      failed = true;
      continue;
    }
    result.outcomes[i].new_item = std::move(*decided);
    const TableDefinition& table = *writes[i].table;
    if (table.local_indexes.empty() || writes[i].check_only) continue;
    // Writes of one commit to the same collection add up before the limit is checked.
    int64_t& pending = collection_growth[item_collection_key(table, writes[i].key)];
    auto after = collection_after(table, writes[i].key, result.outcomes[i], pending);
    if (!after) {
      if (after.error().code != ErrorCode::kItemCollectionSizeLimitExceeded) return fail(after.error());
      result.errors[i] = after.error();
      failed = true;
      continue;
    }
    pending += item_collection_bytes(table, result.outcomes[i].new_item) -
               item_collection_bytes(table, result.outcomes[i].old_item);
    result.outcomes[i].collection_bytes = *after;
  }
  if (failed) return result;
  CommitContext context;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    const auto& outcome = result.outcomes[i];
    if (writes[i].check_only || (!outcome.old_item && !outcome.new_item)) continue;
    EDDY_TRY_VOID(stage_change(*writes[i].table, keys[i], outcome.old_item, outcome.new_item, context));
  }
  EDDY_TRY_VOID(commit(context));
  result.committed = true;
  return result;
}

}  // namespace eddy::engine
