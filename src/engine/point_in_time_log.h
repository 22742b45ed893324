// PointInTimeLog: what point-in-time recovery keeps of a table while it is enabled, independent of
// DynamoDB Streams: a base (the table's items as of the base time) and a change log of every item
// change since, written in the same atomic WriteBatch as the change itself (a ChangeObserver, as
// the stream log is). Restoring to time T is the base with the log's changes up to T applied.
// Trimming folds the changes older than the recovery window into the base and moves the base time
// forward, so the log holds no more than the window's changes.
//
// Grammar (under key_codec.h's kPointInTimePrefix 'p'; integers big-endian):
//   base_key  := 'p' 'B' table_id:u64 item_tail          -> encoded item (item_codec.h)
//   time_key  := 'p' 'T' table_id:u64                     -> base_ms:u64
//   change_key := 'p' 'L' table_id:u64 time_ms:u64 item_tail -> 'P' encoded item | 'D' encoded key
// item_tail is the table item key without its 'i' table_id:u64 head (key_codec.h). Two changes of
// one item in the same millisecond share a key: the later (the item's lock orders them) is kept,
// which is the item as of that millisecond. base_ms: every change before it is in the base. Do not
// change: persisted.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "eddy/clock.h"
#include "engine/change_observer.h"
#include "engine/storage.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

class PointInTimeLog : public ChangeObserver {
 public:
  explicit PointInTimeLog(Storage& storage) : storage_(storage) {}

  // The clock that dates each change. Until it is set, no change is logged.
  void set_clock(const Clock* clock) { clock_ = clock; }
  // Logs the change when the table has point-in-time recovery enabled.
  Result<void> on_change(const ItemChange& change, CommitContext& context) override;

  // PITR enabled: the table's items (from one snapshot) become the base as of `now_ms`; any
  // earlier base and log of the table are dropped first.
  Result<void> start(const TableDefinition& table, uint64_t now_ms);
  // PITR disabled, or the table deleted: its base and log are dropped.
  Result<void> stop(uint64_t table_id);
  // Every change before this time is in the base: the earliest restorable time. 0 when not started.
  Result<uint64_t> base_ms(uint64_t table_id, const ReadView* view = nullptr) const;
  // Folds the changes before `before_ms` into the base, in one atomic write, and moves the base
  // time there (nothing when it is not later than the base time).
  Result<void> trim(uint64_t table_id, uint64_t before_ms);

  // One logged change: `item` is the new item, or the removed item's key when `removed`.
  struct Change {
    uint64_t time_ms = 0;
    bool removed = false;
    Item item;
  };
  // The reader other features use (restores, incremental exports): the table's changes with
  // from_ms <= time <= to_ms, in time order (by key within a millisecond), until `visit` returns
  // false.
  Result<void> visit_changes(uint64_t table_id, uint64_t from_ms, uint64_t to_ms,
                             const std::function<Result<bool>(const Change&)>& visit,
                             const ReadView* view = nullptr) const;
  // The base's items, in key order.
  Result<void> visit_base(uint64_t table_id, const std::function<Result<bool>(const Item&)>& visit,
                          const ReadView* view = nullptr) const;
  // The table's items as they were at `time_ms` (inclusive): the base with every logged change up to
  // that millisecond applied, in key order, until `visit` returns false. What a restore to a point
  // in time and an export at a past ExportTime both read; `view` should be one snapshot, so that a
  // trim cannot fold a change into the base between the two reads.
  Result<void> visit_items_at(uint64_t table_id, uint64_t time_ms,
                              const std::function<Result<bool>(const Item&)>& visit,
                              const ReadView* view = nullptr) const;

  // One item that changed in a period: its state just before the period (nullopt: absent) and at
  // its end (nullopt: absent), the time of its last change in the period, and its key.
  struct ChangedItem {
    uint64_t last_change_ms = 0;
    Item key;
    std::optional<Item> old_item;
    std::optional<Item> new_item;
  };
  // Every item changed with from_ms <= time < to_ms, once each, in key order (an incremental
  // export's records). from_ms must not be before base_ms.
  Result<void> visit_changed_items(const TableDefinition& table, uint64_t from_ms, uint64_t to_ms,
                                   const std::function<Result<bool>(const ChangedItem&)>& visit,
                                   const ReadView* view = nullptr) const;
  // How many changes the log holds for the table (the admin API shows it: the log's bound).
  Result<uint64_t> change_count(uint64_t table_id) const;

 private:
  // Item tail -> its encoded item after the last change with time < before_ms (nullopt: removed),
  // from the log alone; `only`, when given, limits it to those tails.
  using Overlay = std::map<std::string, std::optional<std::string>>;
  Result<Overlay> changes_before(uint64_t table_id, uint64_t before_ms, const Overlay* only,
                                 const ReadView* view) const;

  Storage& storage_;
  const Clock* clock_ = nullptr;
};

}  // namespace eddy::engine
