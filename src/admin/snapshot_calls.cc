// Snapshots, reset and truncate (docs/test-controls.md, Snapshots and resets):
//   POST   /eddy/v1/snapshots {"name": "seeded"[, "replace": true]}   capture the whole database
//   GET    /eddy/v1/snapshots                                          list them
//   POST   /eddy/v1/snapshots/<name>/restore                           put one back
//   DELETE /eddy/v1/snapshots/<name>
//   POST   /eddy/v1/reset                                              empty everything
//   POST   /eddy/v1/tables/<name>/truncate                             empty one table, keep it
// With namespaces by access key and region (docs/namespaces.md) each call acts on the namespace
// its request names; a snapshot, restore, delete or reset that names none acts on the shared tables
// and every namespace (databases() below), so that one reset empties the whole data folder.
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

// The databases a whole-database call acts on: the one of `context`, then, when that is the shared
// tables' and eddy keeps namespaces by access key and region, every namespace's.
std::vector<AdminContext*> databases(AdminContext& context) {
  std::vector<AdminContext*> out{&context};
  for (AdminContext* one : context.server.every_namespace()) out.push_back(one);
  return out;
}

Result<bool> holds_snapshot(AdminContext& context, std::size_t worker, const std::string& name) {
  Result<std::vector<engine::SnapshotInfo>> all;
  context.server.shared(worker, [&] { all = context.database().snapshots(); });
  if (!all) return fail(all.error());
  for (const auto& info : *all) {
    if (info.name == name) return true;
  }
  return false;
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
  const bool overwrite = replace != nullptr && replace->GetBool();
  std::vector<AdminContext*> every = databases(context);
  Steady::time_point started = Steady::now();
  // One of the databases holding the name already refuses the whole snapshot before any is taken.
  if (!overwrite) {
    for (AdminContext* one : every) {
      Result<bool> held = holds_snapshot(*one, call.worker, name->GetString());
      if (!held) return failure(held.error());
      if (*held) return in_use(std::string("Snapshot already exists: ") + name->GetString());
    }
  }
  Result<engine::SnapshotInfo> info;
  engine::SnapshotInfo total;
  for (AdminContext* one : every) {
    one->server.exclusive([&] { info = one->database().create_snapshot(name->GetString(), one->now(), overwrite); });
    if (!info) return failure(info.error());
    if (one == &context) total = *info;
    if (one != &context) total.tables += info->tables, total.items += info->items;
  }
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       put_info(w, total);
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
  // The database named (the shared one without a namespace) must hold it; every namespace besides
  // then goes back to its copy, or is emptied where it has none (it was opened after the snapshot).
  for (AdminContext* one : databases(context)) {
    Result<bool> restored;
    one->server.exclusive([&] {
      restored = one->database().restore_snapshot(name);
      if (restored && !*restored && one != &context) {
        Result<void> reset = one->database().reset();
        restored = reset ? Result<bool>(true) : fail(reset.error());
      }
      if (restored && *restored) {
        if (auto reloaded = after_replace(*one); !reloaded) restored = fail(reloaded.error());
      }
    });
    if (!restored) return failure(restored.error());
    if (!*restored) return not_found("Snapshot not found: " + name);
  }
  return timed(started);
}

AdminAnswer delete_snapshot(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  for (AdminContext* one : databases(context)) {
    Result<bool> deleted;
    one->server.shared(call.worker, [&] { deleted = one->database().delete_snapshot(name); });
    if (!deleted) return failure(deleted.error());
    if (!*deleted && one == &context) return not_found("Snapshot not found: " + name);
  }
  return AdminAnswer{};
}

AdminAnswer reset_database(AdminContext& context, const AdminCall&) {
  Steady::time_point started = Steady::now();
  for (AdminContext* one : databases(context)) {
    Result<void> reset;
    one->server.exclusive([&] {
      reset = one->database().reset();
      if (reset) reset = after_replace(*one);
    });
    if (!reset) return failure(reset.error());
  }
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
