// Database's snapshots, resets and truncates; see database.h and docs/test-controls.md.
//
// A snapshot is a RocksDB checkpoint in <data folder>/snapshots/<name> (storage_files.cc) plus the
// engine's SNAPSHOT file: {"name": "...", "created_at": <epoch seconds>, "tables": N, "items": N}.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <rapidjson/document.h>
#include <spdlog/spdlog.h>

#include "engine/database.h"
#include "engine/index_writer.h"
#include "engine/json_fields.h"
#include "engine/key_codec.h"

namespace eddy::engine {
namespace {

std::string setting_key(std::string_view name) { return std::string(1, kMetaPrefix) + "setting/" + std::string(name); }

bool valid_snapshot_name(const std::string& name) {
  if (name.empty() || name.size() > 128 || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

std::string encode_info(const SnapshotInfo& info) {
  rapidjson::StringBuffer buffer;
  json::Writer w(buffer);
  w.StartObject();
  json::put(w, "name", info.name);
  json::put(w, "created_at", info.created_at);
  json::put(w, "tables", info.tables);
  json::put(w, "items", info.items);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

SnapshotInfo decode_info(const std::string& name, std::string_view text) {
  SnapshotInfo info;
  info.name = name;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return info;
  info.created_at = json::get_double(doc, "created_at");
  info.tables = json::get_u64(doc, "tables");
  info.items = json::get_u64(doc, "items");
  return info;
}

}  // namespace

Result<std::optional<std::string>> Database::read_setting(std::string_view name) const {
  return storage_->get(setting_key(name));
}

Result<void> Database::write_setting(std::string_view name, std::string_view value) {
  WriteSet writes;
  writes.put(setting_key(name), value);
  return storage_->write(writes);
}

Result<SnapshotInfo> Database::create_snapshot(const std::string& name, double now, bool replace) {
  if (!valid_snapshot_name(name)) {
    return validation_error("Invalid snapshot name " + name +
                            ": 1 to 128 of A-Z, a-z, 0-9, '_', '-' and '.', not starting with '.'");
  }
  std::string folder = storage_->snapshots_folder() + "/" + name;
  if (storage_->exists(folder)) {
    if (!replace) return fail(ApiError::in_use("Snapshot already exists: " + name));
    if (auto removed = storage_->remove_folder(folder); !removed) return fail(removed.error());
  }
  SnapshotInfo info{name, now, 0, 0};
  for (const auto& table : catalog_.tables()) {
    ++info.tables;
    auto counted = counters(table->id);
    if (!counted) return fail(counted.error());
    info.items += static_cast<uint64_t>(std::max<int64_t>(0, counted->count));
  }
  if (auto made = storage_->checkpoint(folder); !made) return fail(made.error());
  if (auto written = storage_->write_file(folder + "/SNAPSHOT", encode_info(info)); !written) {
    return fail(written.error());
  }
  return info;
}

Result<std::vector<SnapshotInfo>> Database::snapshots() const {
  auto names = storage_->children(storage_->snapshots_folder());
  if (!names) return fail(names.error());
  std::sort(names->begin(), names->end());
  std::vector<SnapshotInfo> out;
  for (const auto& name : *names) {
    std::string info_file = storage_->snapshots_folder() + "/" + name + "/SNAPSHOT";
    // A folder without its SNAPSHOT file is a checkpoint that never finished (RocksDB's ".tmp").
    if (!storage_->exists(info_file)) continue;
    auto text = storage_->read_file(info_file);
    if (!text) return fail(text.error());
    out.push_back(decode_info(name, *text));
  }
  return out;
}

Result<bool> Database::delete_snapshot(const std::string& name) {
  if (!valid_snapshot_name(name)) return false;
  std::string folder = storage_->snapshots_folder() + "/" + name;
  if (!storage_->exists(folder + "/SNAPSHOT")) return false;
  if (auto removed = storage_->remove_folder(folder); !removed) return fail(removed.error());
  return true;
}

Result<bool> Database::restore_snapshot(const std::string& name) {
  if (!valid_snapshot_name(name)) return false;
  std::string folder = storage_->snapshots_folder() + "/" + name;
  if (!storage_->exists(folder + "/SNAPSHOT")) return false;
  if (auto reloaded = reload_after_replace(storage_->replace(folder)); !reloaded) return fail(reloaded.error());
  return true;
}

Result<void> Database::reset() { return reload_after_replace(storage_->replace("")); }

Result<void> Database::reload_after_replace(Result<void> replaced) {
  if (!storage_->is_open()) {
    // Without a database nothing can be answered; the next start finishes the replace (its
    // marker file is still there).
    spdlog::critical("storage: the database could not be opened again: {}", replaced.error().message);
    std::_Exit(1);
  }
  transaction_tokens_.clear();
  if (auto loaded = catalog_.load(); !loaded) return loaded;
  return replaced;
}

Result<TablePtr> Database::truncate_table(std::string_view name) {
  TablePtr table = catalog_.find(name);
  if (table == nullptr) return table;
  // Range deletions: one entry per key range whatever its size, so that a truncate takes as long
  // for a million items as for ten.
  WriteSet writes;
  auto drop = [&](char space, uint64_t id) {
    writes.remove_range(entries_prefix(space, id), entries_prefix(space, id + 1));
    writes.remove(counters_key(id));
  };
  drop(kItemPrefix, table->id);
  // The table's item collection counters (engine/item_collection.h).
  writes.remove_range(entries_prefix(kCounterPrefix, table->id), entries_prefix(kCounterPrefix, table->id + 1));
  for (const auto* indexes : {&table->local_indexes, &table->global_indexes}) {
    for (const auto& index : *indexes) drop(kIndexPrefix, index.id);
  }
  if (auto written = storage_->write(writes); !written) return fail(written.error());
  return table;
}

}  // namespace eddy::engine
