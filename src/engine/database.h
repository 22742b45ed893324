// Database: the table engine. It owns storage, the catalog, the stream log and the item locks, and
// it is the one write path for items: every single-item write, batch, transaction and TTL deletion
// goes through write_item/write_items, which lock the keys, read the current items, let the caller
// decide the new items, and commit each item with its index entries, counters and (through
// ChangeObservers) its stream record in one atomic RocksDB write.
//
// Other layers use only these verbs (and Catalog's, StreamLog's, ItemReader's): they never see a
// RocksDB key, batch or status, nor the DDL lock. Every read returns a Result: a failed read is
// InternalServerError, never an absent item.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/backups.h"
#include "engine/catalog.h"
#include "engine/change_observer.h"
#include "engine/item_collection.h"
#include "engine/item_range.h"
#include "engine/item_reader.h"
#include "engine/key_locks.h"
#include "engine/point_in_time_log.h"
#include "engine/storage.h"
#include "engine/stream_log.h"
#include "engine/transaction_claims.h"
#include "engine/transaction_tokens.h"
#include "engine/trigger_log.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

// Decides the new item from the current one (nullopt = absent). Returns nullopt to delete, or an
// error (e.g. ConditionalCheckFailedException) to write nothing.
using Mutator = std::function<Result<std::optional<Item>>(const std::optional<Item>& current)>;

struct WriteOutcome {
  std::optional<Item> old_item;
  std::optional<Item> new_item;
  // Tables with local secondary indexes: the size in bytes of the item's collection after the
  // write (engine/item_collection.h). Default: nullopt (the table has no item collections).
  std::optional<int64_t> collection_bytes;
};

// What the engine knows of a snapshot.
struct SnapshotInfo {
  std::string name;
  double created_at = 0;  // epoch seconds on the server's clock
  uint64_t tables = 0;
  uint64_t items = 0;
};

// A table's or an index's item count and total item bytes (DescribeTable's ItemCount, TableSizeBytes).
struct ItemCounters {
  int64_t count = 0;
  int64_t bytes = 0;
};

class Database {
 public:
  static Result<std::unique_ptr<Database>> open(const StorageOptions& options);

  Catalog& catalog() { return catalog_; }
  StreamLog& stream_log() { return stream_log_; }
  // Event source mappings and their checkpoints (triggers/).
  TriggerLog& trigger_log() { return trigger_log_; }
  // Items held by in-flight transactions, and ClientRequestTokens (see docs/transactions.md).
  TransactionClaims& transaction_claims() { return transaction_claims_; }
  TransactionTokens& transaction_tokens() { return transaction_tokens_; }
  // On-demand backups and point-in-time recovery's log (docs/backups.md).
  Backups& backups() { return backups_; }
  PointInTimeLog& point_in_time_log() { return point_in_time_log_; }
  void add_observer(ChangeObserver* observer) { observers_.push_back(observer); }
  // The most bytes one item collection may hold; a write that would grow one past it fails with
  // ItemCollectionSizeLimitExceededException (a write that shrinks it never does). Default: 10 GB.
  void set_item_collection_limit(int64_t bytes) { item_collection_limit_ = bytes; }

  // A new id, unique for the life of the database (streams; tables and indexes get theirs from
  // the catalog's verbs).
  Result<uint64_t> next_id() { return storage_->next_id(); }
  // A consistent point-in-time view for reads of several items (TransactGetItems, BatchGetItem).
  std::unique_ptr<ReadView> read_view() const { return storage_->read_view(); }

  // The item with `key` (key attributes only, already validated), or nullopt when absent.
  Result<std::optional<Item>> get_item(const TableDefinition& table, const Item& key,
                                       const ReadView* view = nullptr) const;
  // The same item as stored (engine/item_codec.h's encoding), for an answer written straight from
  // it without building an Item (ops/stored_item_json.h).
  Result<std::optional<std::string>> get_stored_item(const TableDefinition& table, const Item& key,
                                                     const ReadView* view = nullptr) const;
  // A Query or Scan page's items, in key order (or reversed).
  ItemReader read(const ItemRange& range, bool forward, const ReadView* view = nullptr) const {
    return ItemReader(*storage_, range, forward, view);
  }
  // The counters of a table or an index (by id).
  Result<ItemCounters> counters(uint64_t id) const;

  // Locks the item, reads it, calls `mutate`, and commits the result atomically.
  Result<WriteOutcome> write_item(const TableDefinition& table, const Item& key, const Mutator& mutate,
                                  bool expired_by_ttl = false);

  struct MultiWrite {
    TablePtr table;
    Item key;
    Mutator mutate;
    bool check_only = false;  // a ConditionCheck: the mutator decides pass/fail, nothing is written
  };
  struct MultiOutcome {
    bool committed = false;
    std::vector<WriteOutcome> outcomes;           // per write, when committed
    std::vector<std::optional<ApiError>> errors;  // per write, when not committed
  };
  // All-or-nothing write of several items (transactions, batches): every key is locked, every
  // mutator runs on its current item; if any fails nothing is written and `errors` says which.
  Result<MultiOutcome> write_items(const std::vector<MultiWrite>& writes);

  // UpdateTable: Catalog::modify with `mutate`; `stored` sees the definition as first stored (new
  // GSIs CREATING) to describe it; then, still under the DDL lock, deleted GSIs' entries are removed,
  // created GSIs backfilled (engine/index_backfill.h) and stored ACTIVE. Returns the definition as
  // first stored, or nullptr when there is no such table.
  Result<TablePtr> update_table(std::string_view name, const TableMutator& mutate, const TableStored& stored);
  // DeleteTable: Catalog::remove with `check`, then every item, index entry and counter of the
  // table is deleted without the DDL lock held (a large table does not hold up other DDL). Returns
  // the removed definition, or nullptr when there is no such table.
  Result<TablePtr> delete_table(std::string_view name, const TableCheck& check);

  // Where a restored table's items come from: a backup, or a table's point-in-time log as of a
  // millisecond.
  struct RestoreSource {
    uint64_t backup_id = 0;  // nonzero: this backup
    uint64_t table_id = 0;   // otherwise: this table's point-in-time base and log
    uint64_t time_ms = 0;    // up to this time (inclusive)
    // The snapshot the point-in-time log is read from (taken when the restore was asked for);
    // null: one taken when the items are loaded.
    std::shared_ptr<ReadView> view;
    // A test's pause (the hidden --pause-transfers-after-items): after this many items are
    // committed, `pause` is called, and the load gives up when it returns (the server is
    // stopping; the table is left to remove_unfinished_restores). 0: never.
    uint64_t pause_after_items = 0;
    std::function<void()> pause;
  };
  // RestoreTableFromBackup, RestoreTableToPointInTime: Catalog::create(target, complete) with the
  // table CREATING and its RestoreSummary in progress. Returns the definition as stored.
  Result<TablePtr> create_restored_table(TableDefinition target, const TableMutator& complete);
  // Then the source's items are written into the new table with their index entries and counters,
  // but no stream or point-in-time record (a restored table's stream starts empty, as on AWS), and
  // the table becomes ACTIVE with its RestoreSummary finished. Returns the definition as finally
  // stored (nullptr when the table is gone meanwhile). A restore a crash interrupted is removed at
  // the next open (remove_unfinished_restores).
  Result<TablePtr> load_restored_table(const TableDefinition& table, const RestoreSource& source);
  // At open: every table whose restore never finished is deleted, as it would never be made whole.
  // Returns their names.
  Result<std::vector<std::string>> remove_unfinished_restores();
  // Trims every PITR-enabled table's log to its window: `window_seconds` when positive (a test's
  // short window), otherwise the table's RecoveryPeriodInDays.
  Result<void> trim_point_in_time_logs(double now, double window_seconds);

  // Flushes memtables and syncs the write-ahead log (at shutdown).
  Result<void> flush() { return storage_->flush(); }

  // A small named value of the server's own state (the admin API's clock), kept with the data.
  Result<std::optional<std::string>> read_setting(std::string_view name) const;
  Result<void> write_setting(std::string_view name, std::string_view value);

  // Snapshots and resets (snapshots.cc, docs/test-controls.md). create_snapshot, restore_snapshot,
  // reset and truncate_table need every other call into the Database to be over and none to start
  // meanwhile (the server's request gate); the streams layer then reloads its own state.
  //
  // Captures the whole database (tables, items, indexes, streams, TTL settings, tags) as snapshot
  // `name` ([A-Za-z0-9_.-], 1 to 128 characters, not starting with '.'): ResourceInUseException
  // when one of that name exists and not `replace`. `now` is its creation time.
  Result<SnapshotInfo> create_snapshot(const std::string& name, double now, bool replace);
  // Every snapshot, by name.
  Result<std::vector<SnapshotInfo>> snapshots() const;
  // False when there is no snapshot of that name.
  Result<bool> delete_snapshot(const std::string& name);
  // Puts the database back as snapshot `name` holds it, and reloads the catalog; false (nothing
  // changed) when there is no such snapshot.
  Result<bool> restore_snapshot(const std::string& name);
  // Empties the database: no table, item or stream is left (snapshots stay).
  Result<void> reset();
  // Deletes every item, index entry and counter of the table but keeps its definition; the
  // definition, or nullptr when there is no such table.
  Result<TablePtr> truncate_table(std::string_view name);

 private:
  explicit Database(std::unique_ptr<Storage> storage)
      : storage_(std::move(storage)),
        catalog_(*storage_),
        stream_log_(*storage_),
        trigger_log_(*storage_),
        backups_(*storage_),
        point_in_time_log_(*storage_) {}
  // Reads and decodes the item at a storage key (nullopt when absent).
  Result<std::optional<Item>> read_item(const std::string& key, const ReadView* view = nullptr) const;
  // Adds one item change (item, index entries, counters, observers' records) to `context`.
  Result<void> stage_change(const TableDefinition& table, const std::string& item_key,
                            const std::optional<Item>& old_item, const std::optional<Item>& new_item,
                            CommitContext& context, bool expired_by_ttl = false, bool observed = true);
  // Writes one restored item into `table` (no observer sees it).
  Result<void> load_item(const TableDefinition& table, const Item& item, CommitContext& context);
  // The size of `key`'s item collection after `outcome`, with `pending` bytes that earlier writes
  // of the same commit add to it; ItemCollectionSizeLimitExceededException when the write grows
  // it past the limit.
  Result<int64_t> collection_after(const TableDefinition& table, const Item& key, const WriteOutcome& outcome,
                                   int64_t pending) const;
  // Writes `context` and tells its observers how it went.
  Result<void> commit(CommitContext& context);
  Result<void> drop_table_data(const TableDefinition& table);
  // After the storage was replaced: the catalog and the transaction state start again from it.
  Result<void> reload_after_replace(Result<void> replaced);

  std::unique_ptr<Storage> storage_;
  Catalog catalog_;
  StreamLog stream_log_;
  TriggerLog trigger_log_;
  Backups backups_;
  PointInTimeLog point_in_time_log_;
  KeyLocks locks_;
  TransactionClaims transaction_claims_;
  TransactionTokens transaction_tokens_;
  std::vector<ChangeObserver*> observers_;
  int64_t item_collection_limit_ = kItemCollectionLimitBytes;
};

// The key attributes of `item` under `schema` (the Item used as a key).
Item key_of(const KeySchema& schema, const Item& item);
// An opaque name of one item of `table` from its key attributes (already validated): equal for the
// same item, different for different items. What transaction claims hold and duplicate checks compare.
std::string item_id(const TableDefinition& table, const Item& key);
// The 32-bit hash of `item`'s partition key that orders partitions (stable across versions and
// machines: do not change); streams map a partition to its shard lineage with it.
uint32_t partition_hash_of(const KeySchema& schema, const Item& item);

}  // namespace eddy::engine
