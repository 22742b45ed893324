// Index backfill and removal for UpdateTable's GlobalSecondaryIndexUpdates: a new GSI gets an entry
// for every existing item (in batches, each item re-read under its lock so that a concurrent write
// is never overwritten by a stale entry), and a deleted GSI's entries and counters are removed.
//
// The new index is already in the published table definition while the backfill runs, so writes
// during the backfill maintain it themselves; the backfill only adds entries for items that exist.
#pragma once

#include "engine/key_locks.h"
#include "engine/storage.h"
#include "model/table_definition.h"

namespace eddy::engine {

// Adds the entry of every item of `table` to `index` (which `table` must already contain), each
// batch of items under their `locks`.
Result<void> backfill_index(Storage& storage, KeyLocks& locks, const TableDefinition& table,
                            const SecondaryIndex& index);

// Deletes every entry and the counters of the index with id `index_id`.
Result<void> drop_index_entries(Storage& storage, uint64_t index_id);

}  // namespace eddy::engine
