// Restoring a table from a backup or from a table's point-in-time log (database.h, restore_table;
// docs/backups.md). The new table gets its ids from the catalog; the items are written under
// them with their index entries and counters, without stream or point-in-time records.
#include <cmath>

#include "engine/database.h"
#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

constexpr std::size_t kItemsPerCommit = 1000;

}  // namespace

Result<void> Database::load_item(const TableDefinition& table, const Item& item, CommitContext& context) {
  return stage_change(table, item_key(table.id, table.key, item), std::nullopt, item, context, false, false);
}

Result<TablePtr> Database::restore_table(TableDefinition target, const TableMutator& complete,
                                         const RestoreSource& source) {
  EDDY_TRY(TablePtr created, catalog_.create(std::move(target), complete));
  const TableDefinition& table = *created;
  auto context = std::make_unique<CommitContext>();
  std::size_t pending = 0;
  auto load = [&](const Item& item) -> Result<bool> {
    EDDY_TRY_VOID(load_item(table, item, *context));
    if (++pending == kItemsPerCommit) {
      EDDY_TRY_VOID(commit(*context));
      context = std::make_unique<CommitContext>();
      pending = 0;
    }
    return true;
  };
  if (source.backup_id != 0) {
    EDDY_TRY_VOID(backups_.visit_items(source.backup_id, load));
    EDDY_TRY_VOID(commit(*context));
  } else {
    // Base and log from one snapshot, so that a trim running meanwhile cannot fold a change into
    // the base after the base was read.
    auto view = storage_->read_view();
    EDDY_TRY_VOID(point_in_time_log_.visit_base(source.table_id, load, view.get()));
    EDDY_TRY_VOID(commit(*context));
    auto apply = [&](const PointInTimeLog::Change& change) -> Result<bool> {
      std::string key = item_key(table.id, table.key, change.item);
      EDDY_TRY(std::optional<Item> current, read_item(key));
      if (change.removed && !current) return true;
      std::optional<Item> next;
      if (!change.removed) next = change.item;
      CommitContext one;
      EDDY_TRY_VOID(stage_change(table, key, current, next, one, false, false));
      EDDY_TRY_VOID(commit(one));
      return true;
    };
    EDDY_TRY_VOID(point_in_time_log_.visit_changes(source.table_id, 0, source.time_ms, apply, view.get()));
  }
  EDDY_TRY(TablePtr finished, catalog_.modify(table.name, [](TableDefinition& stored) -> Result<void> {
    if (stored.restore) stored.restore->in_progress = false;
    return {};
  }));
  return finished != nullptr ? finished : created;
}

Result<void> Database::trim_point_in_time_logs(double now, double window_seconds) {
  for (const TablePtr& table : catalog_.tables()) {
    if (!table->pitr.enabled) continue;
    double window = window_seconds > 0 ? window_seconds : static_cast<double>(table->pitr.recovery_period_days) * 86400;
    double before = std::floor((now - window) * 1000);
    if (before <= 0) continue;
    EDDY_TRY_VOID(point_in_time_log_.trim(table->id, static_cast<uint64_t>(before)));
  }
  return {};
}

}  // namespace eddy::engine
