// Database's DDL verbs that touch data as well as the catalog: UpdateTable with its GSI backfill
// and removal, DeleteTable with the removal of the table's data; see database.h.
#include "engine/database.h"
#include "engine/index_backfill.h"
#include "engine/index_writer.h"
#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {

Result<TablePtr> Database::update_table(std::string_view name, const TableMutator& mutate, const TableStored& stored) {
  TablePtr before;  // the definition `mutate` changed
  auto checked_mutate = [&](TableDefinition& table) -> Result<void> {
    before = catalog_.find(name);  // under the DDL lock, so it is the one `table` copies
    return mutate(table);
  };
  auto finish = [&](const TableDefinition& after) -> Result<void> {
    EDDY_TRY_VOID(stored(after));
    if (before != nullptr) {
      for (const auto& index : before->global_indexes) {
        if (after.find_index(index.name) != nullptr) continue;
        EDDY_TRY_VOID(drop_index_entries(*storage_, index.id));
      }
    }
    bool backfilled = false;
    for (const auto& index : after.global_indexes) {
      if (!index.backfilling) continue;
      EDDY_TRY_VOID(backfill_index(*storage_, locks_, after, index));
      backfilled = true;
    }
    if (!backfilled) return {};
    TableDefinition active = after;
    for (auto& index : active.global_indexes) {
      index.status = "ACTIVE";
      index.backfilling = false;
    }
    return catalog_.put(std::move(active));
  };
  return catalog_.modify(name, checked_mutate, finish);
}

Result<TablePtr> Database::delete_table(std::string_view name, const TableCheck& check) {
  EDDY_TRY(TablePtr removed, catalog_.remove(name, check));
  if (removed == nullptr) return removed;
  EDDY_TRY_VOID(drop_table_data(*removed));
  return removed;
}

Result<void> Database::drop_table_data(const TableDefinition& table) {
  // Deleted key by key (not DeleteRange) so that the deletion is bounded in memory per batch and
  // leaves no range tombstones behind; tables in local development are small.
  auto drop_entries = [&](char space, uint64_t id) -> Result<void> {
    std::string lower = entries_prefix(space, id);
    std::string upper = entries_prefix(space, id + 1);
    auto cursor = storage_->cursor(lower, upper);
    WriteSet writes;
    std::size_t pending = 0;
    for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
      writes.remove(cursor->key());
      if (++pending == 1000) {
        EDDY_TRY_VOID(storage_->write(writes));
        writes = WriteSet();
        pending = 0;
      }
    }
    EDDY_TRY_VOID(cursor->status());
    writes.remove(counters_key(id));
    return storage_->write(writes);
  };
  EDDY_TRY_VOID(drop_entries(kItemPrefix, table.id));
  EDDY_TRY_VOID(point_in_time_log_.stop(table.id));
  // The table's item collection counters (engine/item_collection.h).
  EDDY_TRY_VOID(drop_entries(kCounterPrefix, table.id));
  for (const auto* indexes : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *indexes) {
      EDDY_TRY_VOID(drop_entries(kIndexPrefix, index.id));
    }
  }
  return {};
}

}  // namespace eddy::engine
