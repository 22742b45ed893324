// GSI backfill and removal; see index_backfill.h.
#include "engine/index_backfill.h"

#include <vector>

#include "engine/index_writer.h"
#include "engine/item_codec.h"
#include "engine/item_reader.h"
#include "engine/key_codec.h"
#include "engine/key_range_reader.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

constexpr std::size_t kBatchItems = 256;

// Writes the entries of the items at `keys`, read again under their locks.
Result<void> backfill_batch(Storage& storage, KeyLocks& locks, const TableDefinition& table,
                            const SecondaryIndex& index, const std::vector<std::string>& keys) {
  KeyLocks::Guard guard = locks.lock_all(keys);
  WriteSet writes;
  for (const auto& key : keys) {
    EDDY_TRY(std::optional<std::string> bytes, storage.get(key));
    if (!bytes) continue;  // deleted since the batch was listed
    auto item = decode_item(*bytes);
    if (!item) return fail(corrupt_item_error("a table being indexed"));
    // A write after the index was published may already have added the entry (and counted it).
    auto entry_key = index_entry_key(table, index, *item);
    if (!entry_key) continue;
    EDDY_TRY(std::optional<std::string> entry, storage.get(*entry_key));
    if (entry) continue;
    stage_index_entry(table, index, *item, writes);
  }
  if (writes.empty()) return {};
  return storage.write(writes);
}

// Sets the index's counters to what its entries hold. Writes during the backfill adjust the counters
// for entries the backfill had not written yet, so the counters are made exact once it is done.
Result<void> recount_index(Storage& storage, const SecondaryIndex& index) {
  int64_t count = 0;
  int64_t bytes = 0;
  KeyRangeReader reader(storage, entries_range(kIndexPrefix, index.id), true, std::nullopt);
  for (; reader.valid(); reader.next()) {
    auto item = decode_item(reader.value());
    if (!item) return fail(corrupt_item_error("an index"));
    ++count;
    bytes += static_cast<int64_t>(item_size(*item));
  }
  EDDY_TRY_VOID(reader.status());
  EDDY_TRY(auto stored, storage.counters(counters_key(index.id)));
  auto [stored_count, stored_bytes] = stored;
  if (count == stored_count && bytes == stored_bytes) return {};
  WriteSet writes;
  writes.add_counters(counters_key(index.id), count - stored_count, bytes - stored_bytes);
  return storage.write(writes);
}

}  // namespace

Result<void> backfill_index(Storage& storage, KeyLocks& locks, const TableDefinition& table,
                            const SecondaryIndex& index) {
  KeyRange range = entries_range(kItemPrefix, table.id);
  std::optional<std::string> after;
  while (true) {
    std::vector<std::string> keys;
    {
      KeyRangeReader reader(storage, range, true, after);
      for (; reader.valid() && keys.size() < kBatchItems; reader.next()) keys.emplace_back(reader.key());
      EDDY_TRY_VOID(reader.status());
    }
    if (keys.empty()) return recount_index(storage, index);
    EDDY_TRY_VOID(backfill_batch(storage, locks, table, index, keys));
    after = keys.back();
  }
}

Result<void> drop_index_entries(Storage& storage, uint64_t index_id) {
  KeyRange range = entries_range(kIndexPrefix, index_id);
  std::optional<std::string> after;
  while (true) {
    WriteSet writes;
    std::size_t count = 0;
    {
      KeyRangeReader reader(storage, range, true, after);
      for (; reader.valid() && count < 1000; reader.next(), ++count) {
        writes.remove(reader.key());
        after = std::string(reader.key());
      }
      EDDY_TRY_VOID(reader.status());
    }
    if (count == 0) {
      WriteSet counters;
      counters.remove(counters_key(index_id));
      return storage.write(counters);
    }
    EDDY_TRY_VOID(storage.write(writes));
  }
}

}  // namespace eddy::engine
