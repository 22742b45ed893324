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

Result<TablePtr> Database::create_restored_table(TableDefinition target, const TableMutator& complete) {
  return catalog_.create(std::move(target), [&](TableDefinition& table) -> Result<void> {
    EDDY_TRY_VOID(complete(table));
    table.status = "CREATING";
    if (table.restore) table.restore->in_progress = true;
    return {};
  });
}

Result<TablePtr> Database::load_restored_table(const TableDefinition& table, const RestoreSource& source) {
  auto context = std::make_unique<CommitContext>();
  std::size_t pending = 0;
  uint64_t loaded = 0;
  auto load = [&](const Item& item) -> Result<bool> {
    EDDY_TRY_VOID(load_item(table, item, *context));
    ++loaded;
    bool pausing = source.pause && loaded == source.pause_after_items;
    if (++pending == kItemsPerCommit || pausing) {
      EDDY_TRY_VOID(commit(*context));
      context = std::make_unique<CommitContext>();
      pending = 0;
    }
    if (pausing) {
      source.pause();
      // The pause ends when the server stops: the restore is left unfinished, as a crash leaves it.
      return fail(ApiError::internal("the restore of " + table.name + " was stopped"));
    }
    return true;
  };
  if (source.backup_id != 0) {
    EDDY_TRY_VOID(backups_.visit_items(source.backup_id, load));
  } else {
    // Base and log from one snapshot, so that a trim running meanwhile cannot fold a change into
    // the base after the base was read.
    std::shared_ptr<ReadView> view = source.view;
    if (view == nullptr) view = storage_->read_view();
    EDDY_TRY_VOID(point_in_time_log_.visit_items_at(source.table_id, source.time_ms, load, view.get()));
  }
  EDDY_TRY_VOID(commit(*context));
  return catalog_.modify(table.name, [&](TableDefinition& stored) -> Result<void> {
    if (stored.id != table.id) return {};
    stored.status = "ACTIVE";
    if (stored.restore) stored.restore->in_progress = false;
    return {};
  });
}

Result<std::vector<std::string>> Database::remove_unfinished_restores() {
  std::vector<std::string> removed;
  for (const TablePtr& table : catalog_.tables()) {
    if (!table->restore || !table->restore->in_progress) continue;
    EDDY_TRY(TablePtr gone, delete_table(table->name, [](const TableDefinition&) -> Result<void> { return {}; }));
    if (gone != nullptr) removed.push_back(table->name);
  }
  return removed;
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
