// Storage's snapshots: RocksDB checkpoints, and replacing the database with one (or with an empty
// database) under the open Storage; see storage.h and docs/test-controls.md.
//
// Everything goes through the Storage's rocksdb::Env, so that the same code serves the data folder
// on disk and the in-memory Env of --in-memory (whose files can be hard-linked too).
//
// Folder layout:
//   <data folder>/                 RocksDB's files
//   <data folder>/REPLACING        while a replace runs: the source folder's path ("" for a reset)
//   <data folder>/snapshots/<name> a checkpoint (RocksDB's files) and the engine's SNAPSHOT file
#include <filesystem>
#include <string>
#include <string_view>

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/utilities/checkpoint.h>
#include <spdlog/spdlog.h>

#include "engine/deferred_sync_file_system.h"
#include "engine/storage.h"

namespace eddy::engine {
namespace {

constexpr const char* kReplacingMarker = "REPLACING";

ApiError file_failure(const std::string& what, const rocksdb::Status& status) {
  return storage_failure(what + " failed: " + status.ToString());
}

// "<folder>/<name>", built in one allocation.
std::string file_in(const std::string& folder, std::string_view name) {
  std::string path;
  path.reserve(folder.size() + 1 + name.size());
  path.append(folder).append(1, '/').append(name);
  return path;
}

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<std::vector<std::string>> Storage::children(const std::string& folder) const {
  std::vector<std::string> names;
  if (rocksdb::Status listed = env()->GetChildren(folder, &names); !listed.ok()) {
    if (listed.IsNotFound()) return std::vector<std::string>();
    return fail(file_failure("listing " + folder, listed));
  }
  std::erase_if(names, [](const std::string& name) { return name == "." || name == ".."; });
  return names;
}

bool Storage::exists(const std::string& path) const { return env()->FileExists(path).ok(); }

Result<std::string> Storage::read_file(const std::string& path) const {
  std::string text;
  if (rocksdb::Status read = rocksdb::ReadFileToString(env(), path, &text); !read.ok()) {
    return fail(file_failure("reading " + path, read));
  }
  return text;
}

Result<void> Storage::write_file(const std::string& path, std::string_view text) {
  rocksdb::Status written =
      rocksdb::WriteStringToFile(env(), rocksdb::Slice(text.data(), text.size()), path, options_.sync_writes);
  if (!written.ok()) return fail(file_failure("writing " + path, written));
  return {};
}

Result<void> Storage::remove_folder(const std::string& folder) {
  auto names = children(folder);
  if (!names) return fail(names.error());
  for (const auto& name : *names) {
    std::string file = file_in(folder, name);
    if (rocksdb::Status removed = env()->DeleteFile(file); !removed.ok() && !removed.IsNotFound()) {
      return fail(file_failure("deleting " + file, removed));
    }
  }
  if (rocksdb::Status removed = env()->DeleteDir(folder); !removed.ok() && !removed.IsNotFound()) {
    return fail(file_failure("deleting " + folder, removed));
  }
  return {};
}

Result<void> Storage::copy_file(const std::string& from, const std::string& to) {
  auto text = read_file(from);
  if (!text) return fail(text.error());
  return write_file(to, *text);
}

Result<void> Storage::checkpoint(const std::string& folder) {
  if (rocksdb::Status made = env()->CreateDirIfMissing(snapshots_folder()); !made.ok()) {
    return fail(file_failure("creating " + snapshots_folder(), made));
  }
  rocksdb::Checkpoint* made = nullptr;
  if (rocksdb::Status created = rocksdb::Checkpoint::Create(db_.get(), &made); !created.ok()) {
    return fail(file_failure("a checkpoint", created));
  }
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(made);
  // The flush (log_size_for_flush 0) costs the snapshot a moment so that a restore needs no replay
  // of a write-ahead log: restores are what a test suite repeats. Syncs are left to one
  // background sync of each folder, as for a new data folder (deferred_sync_file_system.h).
  if (deferred_ != nullptr) deferred_->set_deferring(true);
  rocksdb::Status status = checkpoint->CreateCheckpoint(folder, 0);
  if (deferred_ != nullptr) deferred_->set_deferring(false);
  memtable_empty_ = true;  // the checkpoint flushed it (see keep_memtable_occupied)
  if (!status.ok()) return fail(file_failure("a checkpoint into " + folder, status));
  if (deferred_ != nullptr) {
    folder_syncs_.push_back(sync_folder_in_background(folder));
    folder_syncs_.push_back(sync_folder_in_background(path_));
  }
  return {};
}

Result<void> Storage::replace(const std::string& source) {
  // Closed without a flush: what the memtables hold is about to be thrown away.
  if (rocksdb::Status closed = db_->Close(); !closed.ok()) return fail(file_failure("closing the database", closed));
  db_.reset();
  Result<void> swapped = write_file(file_in(path_, kReplacingMarker), source);
  if (swapped) swapped = swap_files(source);
  if (swapped) {
    if (rocksdb::Status removed = env()->DeleteFile(file_in(path_, kReplacingMarker)); !removed.ok()) {
      swapped = fail(file_failure("deleting the replace marker", removed));
    }
  }
  // Opened again even after a failure, so that the server keeps a database to answer from.
  auto opened = open_db(true);
  if (!swapped) return swapped;
  return opened;
}

Result<void> Storage::swap_files(const std::string& source) {
  auto current = children(path_);
  if (!current) return fail(current.error());
  for (const auto& name : *current) {
    if (name == "LOCK" || name == kReplacingMarker || name == "snapshots") continue;
    // Folders are not the database's files: the snapshots, and the namespaces' databases that the
    // server keeps beside the shared one (server/namespaces.h), which are reset on their own.
    bool folder = false;
    std::string file = file_in(path_, name);
    if (env()->IsDirectory(file, &folder).ok() && folder) continue;
    if (rocksdb::Status removed = env()->DeleteFile(file); !removed.ok() && !removed.IsNotFound()) {
      return fail(file_failure("deleting " + name, removed));
    }
  }
  if (source.empty()) return {};
  auto files = children(source);
  if (!files) return fail(files.error());
  for (const auto& name : *files) {
    if (name == "LOCK" || name == "SNAPSHOT") continue;
    std::string from = file_in(source, name);
    std::string to = file_in(path_, name);
    // Table files never change once written, so the database and the snapshot can share them;
    // the MANIFEST, CURRENT, OPTIONS and logs are written to, so each gets its own copy.
    if (ends_with(name, ".sst") && env()->LinkFile(from, to).ok()) continue;
    if (auto copied = copy_file(from, to); !copied) return copied;
  }
  return {};
}

// A replace that a crash interrupted: its marker names the source, and the swap is done again
// (deleting what is there, linking or copying the source), so that the folder never opens half
// replaced.
Result<void> Storage::finish_interrupted_replace() {
  std::string marker = file_in(path_, kReplacingMarker);
  if (!exists(marker)) return {};
  auto source = read_file(marker);
  if (!source) return fail(source.error());
  spdlog::warn("storage: finishing a restore or reset that was interrupted ({})", source->empty() ? "reset" : *source);
  if (auto swapped = swap_files(*source); !swapped) return swapped;
  if (rocksdb::Status removed = env()->DeleteFile(marker); !removed.ok()) {
    return fail(file_failure("deleting the replace marker", removed));
  }
  return {};
}

}  // namespace eddy::engine
