// Change capture's hook into the commit path: each committed item change is shown to the
// ChangeObservers (DynamoDB Streams) while its commit is being put together, so that what they add
// (a stream record) goes into the same atomic write as the item.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "engine/storage.h"
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

// One atomic commit being put together: the items' changes and what observers add to them
// (StreamLog::append), and what they need done once the write is over. No lock is held across the
// write on an observer's behalf: an observer that must order its records (sequence numbers) does
// so itself and learns the outcome through on_finish.
class CommitContext {
 public:
  CommitContext() = default;
  CommitContext(const CommitContext&) = delete;
  CommitContext& operator=(const CommitContext&) = delete;
  // Runs any on_finish callback not yet run, with committed = false.
  ~CommitContext();

  // `finished` runs exactly once: with true right after the write succeeded, with false when it
  // failed or was never attempted.
  void on_finish(std::function<void(bool committed)> finished);

 private:
  friend class Database;
  friend class StreamLog;
  friend class PointInTimeLog;
  void finish(bool committed);

  WriteSet writes_;
  std::vector<std::function<void(bool)>> finish_;
};

// Hooks into the commit path. Called under the items' locks, before the write; an error fails the
// whole commit (nothing is written), so an item is never written without its observers' records.
class ChangeObserver {
 public:
  virtual ~ChangeObserver() = default;
  virtual Result<void> on_change(const ItemChange& change, CommitContext& context) = 0;
};

}  // namespace eddy::engine
