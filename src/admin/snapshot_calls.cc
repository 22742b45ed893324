// Snapshots, reset and truncate (docs/test-controls.md, Snapshots and resets):
//   POST   /eddy/v1/snapshots {"name": "seeded"[, "replace": true]}   capture the whole database
//   GET    /eddy/v1/snapshots                                          list them
//   POST   /eddy/v1/snapshots/<name>/restore                           put one back
//   DELETE /eddy/v1/snapshots/<name>
//   POST   /eddy/v1/reset                                              empty everything
//   POST   /eddy/v1/tables/<name>/truncate                             empty one table, keep it
// Capturing, restoring, resetting and truncating run with the request gate closed (no request in
// flight, those that arrive wait), so that none sees half of it; a restore or reset then reloads
// what the server keeps in memory of the data (the catalog, streams, tokens) and keeps the clock.
#include <chrono>

#include "admin/answer_json.h"
#include "admin/calls.h"
#include "admin/clock_setting.h"
#include "admin/iso8601.h"
#include "streams/streams.h"

namespace eddy::admin {
namespace {

using Steady = std::chrono::steady_clock;

AdminAnswer failure(const ApiError& error) {
  return api_failure(error.http_status(), error.type_name(), error.message);
}

void put_info(JsonWriter& w, const engine::SnapshotInfo& info) {
  put(w, "name", info.name);
  put(w, "created_at", iso8601(info.created_at));
  put(w, "tables", info.tables);
  put(w, "items", info.items);
}

// After the database was replaced: the server's copies of it, then the clock, which stays.
Result<void> after_replace(AdminContext& context) {
  if (auto reloaded = context.server.reload(); !reloaded) return reloaded;
  return save_clock(context.database(), context.clock);
}

AdminAnswer timed(Steady::time_point started) {
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       put_elapsed(w, started);
                       w.EndObject();
                     }),
                     nullptr};
}

}  // namespace

AdminAnswer create_snapshot(AdminContext& context, const AdminCall& call) {
  const JsonValue* name = member(*call.body, "name");
  const JsonValue* replace = member(*call.body, "replace");
  if (name == nullptr || !name->IsString()) return validation_failure("name (a string) is required");
  if (replace != nullptr && !replace->IsBool()) return validation_failure("replace must be true or false");
  Steady::time_point started = Steady::now();
  Result<engine::SnapshotInfo> info;
  context.server.exclusive([&] {
    info =
        context.database().create_snapshot(name->GetString(), context.now(), replace != nullptr && replace->GetBool());
  });
  if (!info) return failure(info.error());
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       put_info(w, *info);
                       put_elapsed(w, started);
                       w.EndObject();
                     }),
                     nullptr};
}

AdminAnswer list_snapshots(AdminContext& context, const AdminCall& call) {
  Result<std::vector<engine::SnapshotInfo>> all;
  context.server.shared(call.worker, [&] { all = context.database().snapshots(); });
  if (!all) return failure(all.error());
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       w.Key("snapshots");
                       w.StartArray();
                       for (const auto& info : *all) {
                         w.StartObject();
                         put_info(w, info);
                         w.EndObject();
                       }
                       w.EndArray();
                       w.EndObject();
                     }),
                     nullptr};
}

AdminAnswer restore_snapshot(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  Steady::time_point started = Steady::now();
  Result<bool> restored;
  context.server.exclusive([&] {
    restored = context.database().restore_snapshot(name);
    if (restored && *restored) {
      if (auto reloaded = after_replace(context); !reloaded) restored = fail(reloaded.error());
    }
  });
  if (!restored) return failure(restored.error());
  if (!*restored) return not_found("Snapshot not found: " + name);
  return timed(started);
}

AdminAnswer delete_snapshot(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  Result<bool> deleted;
  context.server.shared(call.worker, [&] { deleted = context.database().delete_snapshot(name); });
  if (!deleted) return failure(deleted.error());
  if (!*deleted) return not_found("Snapshot not found: " + name);
  return AdminAnswer{};
}

AdminAnswer reset_database(AdminContext& context, const AdminCall&) {
  Steady::time_point started = Steady::now();
  Result<void> reset;
  context.server.exclusive([&] {
    reset = context.database().reset();
    if (reset) reset = after_replace(context);
  });
  if (!reset) return failure(reset.error());
  return timed(started);
}

AdminAnswer truncate_table(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  Steady::time_point started = Steady::now();
  Result<engine::TablePtr> table;
  context.server.exclusive([&] {
    table = context.database().truncate_table(name);
    if (table && *table != nullptr && context.state.streams != nullptr) {
      if (auto emptied = context.state.streams->truncate(name); !emptied) table = fail(emptied.error());
    }
  });
  if (!table) return failure(table.error());
  if (*table == nullptr) return not_found("Requested resource not found: Table: " + name + " not found");
  return timed(started);
}

}  // namespace eddy::admin
