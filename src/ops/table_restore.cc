// The restores' shared part; see table_restore.h and docs/backups.md.
#include "ops/table_restore.h"

#include <spdlog/spdlog.h>

#include "model/errors.h"
#include "model/random_ids.h"
#include "model/result.h"
#include "ops/stream_label.h"
#include "ops/table_lookup.h"
#include "ops/transfer_jobs.h"

namespace eddy::ops {
namespace {

constexpr std::size_t kMaxTableOperations = 500;

ApiError table_exists(const std::string& name) {
  return ApiError{ErrorCode::kTableAlreadyExists, "Table already exists: " + name, {}};
}

// AWS allows 500 table operations (CreateTable, UpdateTable, DeleteTable, restores, ...) under way at
// once; in eddy only restores stay under way, so they are what is counted.
Result<void> check_restore_limit(RequestContext& context) {
  std::size_t restoring = 0;
  for (const auto& table : context.database().catalog().tables()) {
    if (table->restore && table->restore->in_progress) ++restoring;
  }
  if (restoring >= kMaxTableOperations) {
    return fail(errors::subscriber_limit_exceeded("Only " + std::to_string(kMaxTableOperations) +
                                                  " table operations are allowed to be in progress at a time"));
  }
  return {};
}

// A test's pause (--pause-transfers-after-items): the items are loaded on TransferJobs' thread,
// which waits after that many of them; the answer shows the table CREATING, as AWS's does.
void load_in_background(RequestContext& context, const engine::TablePtr& table,
                        const engine::Database::RestoreSource& from) {
  TransferJobs* jobs = context.state.transfers;
  engine::Database::RestoreSource paused = from;
  paused.pause_after_items = context.state.settings.pause_transfers_after_items;
  paused.pause = [jobs] { jobs->hold(); };
  engine::Database& database = context.database();
  jobs->run([&database, table, paused] {
    if (auto loaded = database.load_restored_table(*table, paused); !loaded) {
      spdlog::warn("restore of {} stopped: {}", table->name, loaded.error().message);
    }
  });
}

}  // namespace

Result<void> check_target_free(RequestContext& context, const std::string& target_name) {
  if (context.database().catalog().find(target_name) != nullptr) return fail(table_exists(target_name));
  return {};
}

Result<std::string> restore_table(RequestContext& context, const TableDefinition& source,
                                  const std::string& target_name, const protocol::RestoreOverrides& overrides,
                                  RestoreSummary summary, const engine::Database::RestoreSource& from) {
  TableDefinition target = source;
  target.name = target_name;
  target.id = 0;
  target.tags.clear();
  target.ttl = TimeToLiveSettings{};
  target.pitr = PointInTimeRecovery{};
  target.deletion_protection = false;
  target.stream.label.clear();
  target.throughput.number_of_decreases_today = 0;
  target.throughput.last_increase_time = target.throughput.last_decrease_time = 0;
  EDDY_TRY_VOID(protocol::apply_restore_overrides(overrides, target));
  summary.in_progress = true;
  target.restore = summary;
  auto& catalog = context.database().catalog();
  double now = context.now();
  auto complete = [&](TableDefinition& table) -> Result<void> {
    if (catalog.names().size() >= context.state.settings.max_tables) {
      return fail(errors::table_quota_exceeded(context.state.settings.max_tables));
    }
    table.table_id = random_uuid();
    table.region = context.region;
    table.account_id = context.state.settings.account_id;
    table.creation_time = static_cast<double>(static_cast<int64_t>(now * 1000)) / 1000;
    table.billing_mode_last_update = table.billing_mode == "PAY_PER_REQUEST" ? table.creation_time : 0;
    if (table.stream.enabled) table.stream.label = stream_label(now);
    table.status = "ACTIVE";
    return {};
  };
  if (auto busy = check_restore_limit(context); !busy) return fail(busy.error());
  auto& database = context.database();
  auto created = database.create_restored_table(std::move(target), complete);
  if (!created && created.error().code == ErrorCode::kResourceInUse) return fail(table_exists(target_name));
  if (!created) return fail(created.error());
  TableDefinition shown = **created;
  if (context.state.settings.pause_transfers_after_items > 0 && context.state.transfers != nullptr) {
    load_in_background(context, *created, from);
    return table_description_response(context, "TableDescription", shown);
  }
  EDDY_TRY(engine::TablePtr finished, database.load_restored_table(**created, from));
  if (finished != nullptr) shown = *finished;
  if (context.state.settings.delay_transient_statuses) {
    // As CreateTable: the answer shows the table still being made.
    shown.status = "CREATING";
    if (shown.restore) shown.restore->in_progress = true;
  }
  return table_description_response(context, "TableDescription", shown);
}

}  // namespace eddy::ops
