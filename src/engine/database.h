// Database: the table engine. It owns storage, the catalog and the item locks, and it is the one
// write path for items: every single-item write, batch, transaction and TTL deletion goes through
// write_item/write_items, which lock the keys, read the current items, let the caller decide the new
// items, and commit each item with its index entries, counters and (through ChangeObservers) its
// stream record in one atomic RocksDB write.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/key_locks.h"
#include "engine/storage.h"
#include "engine/transaction_claims.h"
#include "engine/transaction_tokens.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

struct ItemChange {
  const TableDefinition* table = nullptr;
  const std::optional<Item>* old_item = nullptr;  // nullopt: the item did not exist
  const std::optional<Item>* new_item = nullptr;  // nullopt: the item is deleted
  bool expired_by_ttl = false;                    // a TTL deletion (stream records name the service)
};

// What one atomic commit carries besides the items: observers add their records to `writes`, may
// hold locks until the write is done (to keep sequence order equal to commit order), and may run
// callbacks after it (to wake readers).
struct CommitContext {
  WriteSet writes;
  std::vector<std::unique_lock<std::mutex>> locks;
  std::vector<std::function<void()>> after_commit;
};

// Hooks into the commit path (change capture). Called under the items' locks, before the write.
class ChangeObserver {
 public:
  virtual ~ChangeObserver() = default;
  virtual void on_change(const ItemChange& change, CommitContext& context) = 0;
};

// Decides the new item from the current one (nullopt = absent). Returns nullopt to delete, or an
// error (e.g. ConditionalCheckFailedException) to write nothing.
using Mutator = std::function<Result<std::optional<Item>>(const std::optional<Item>& current)>;

struct WriteOutcome {
  std::optional<Item> old_item;
  std::optional<Item> new_item;
};

class Database {
 public:
  static Result<std::unique_ptr<Database>> open(const StorageOptions& options);

  Storage& storage() { return *storage_; }
  Catalog& catalog() { return catalog_; }
  KeyLocks& locks() { return locks_; }
  // Items held by in-flight transactions, and ClientRequestTokens (see docs/transactions.md).
  TransactionClaims& transaction_claims() { return transaction_claims_; }
  TransactionTokens& transaction_tokens() { return transaction_tokens_; }
  void add_observer(ChangeObserver* observer) { observers_.push_back(observer); }

  // The item with `key` (key attributes only, already validated), or nullopt.
  std::optional<Item> get_item(const TableDefinition& table, const Item& key, const ReadView* view = nullptr) const;

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
    std::vector<WriteOutcome> outcomes;            // per write, when committed
    std::vector<std::optional<ApiError>> errors;   // per write, when not committed
  };
  // All-or-nothing write of several items (transactions, batches): every key is locked, every
  // mutator runs on its current item; if any fails nothing is written and `errors` says which.
  Result<MultiOutcome> write_items(const std::vector<MultiWrite>& writes);

  // Adds one item change (item, index entries, counters, observers' records) to `context`.
  void stage_change(const TableDefinition& table, const std::string& item_key, const std::optional<Item>& old_item,
                    const std::optional<Item>& new_item, CommitContext& context, bool expired_by_ttl = false);
  // Writes `context` and runs its after-commit callbacks.
  Result<void> commit(CommitContext& context);

  // Deletes every item, index entry and counter of a table (DeleteTable).
  Result<void> drop_table_data(const TableDefinition& table);
  // (item count, total item bytes) of a table or an index (by id).
  std::pair<int64_t, int64_t> counters(uint64_t id) const;

 private:
  explicit Database(std::unique_ptr<Storage> storage) : storage_(std::move(storage)), catalog_(*storage_) {}
  std::unique_ptr<Storage> storage_;
  Catalog catalog_;
  KeyLocks locks_;
  TransactionClaims transaction_claims_;
  TransactionTokens transaction_tokens_;
  std::vector<ChangeObserver*> observers_;
};

// The key attributes of `item` under `schema` (the Item used as a key).
Item key_of(const KeySchema& schema, const Item& item);

}  // namespace eddy::engine
