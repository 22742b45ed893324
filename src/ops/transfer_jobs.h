// TransferJobs: the exports and imports of this server — their records, kept with the data (the
// engine's settings "exports" and "imports", each a JSON list of descriptions) so they survive a
// restart, and the one background thread that performs them, so that a request never waits for a
// table to be written out or read in. An export or import that was IN_PROGRESS when eddy stopped is
// FAILED at the next start (its files may be half written).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/database.h"
#include "model/api_error.h"
#include "ops/export_record.h"
#include "ops/import_record.h"

namespace eddy::ops {

class TransferJobs {
 public:
  // `s3_dir`: the folder that stands in for S3 (--s3-dir); empty: exports and imports are refused.
  // The operations find it as ServerState::transfers.
  TransferJobs(engine::Database& database, std::string s3_dir);
  ~TransferJobs();
  TransferJobs(const TransferJobs&) = delete;
  TransferJobs& operator=(const TransferJobs&) = delete;

  // Reads the records; `now` ends the ones a stop interrupted.
  Result<void> load(double now);
  void start();
  // Finishes the job under way, drops the queued ones (their records stay IN_PROGRESS and are
  // FAILED at the next load) and joins the thread.
  void stop();

  const std::string& s3_dir() const { return s3_dir_; }

  // In creation order.
  std::vector<ExportRecord> exports() const;
  std::optional<ExportRecord> find_export(const std::string& arn) const;
  // Adds or replaces (by ExportArn) the record and stores every record.
  Result<void> put_export(const ExportRecord& record);
  std::vector<ImportRecord> imports() const;
  std::optional<ImportRecord> find_import(const std::string& arn) const;
  Result<void> put_import(const ImportRecord& record);

  // Queues `job` for the background thread.
  void run(std::function<void()> job);
  // A test's pause (the hidden --pause-transfers-after-items): the calling job waits here until the
  // server stops, so that a restore, import or export can be seen in progress, or cut short by a
  // kill at a known point.
  // A job that held gives up when hold() returns: its records stay IN_PROGRESS, so the next start
  // finds it interrupted, as after a crash.
  void hold();
  bool stopping() const;
  // How many jobs are queued or running (the in-flight exports, imports and restores).
  std::size_t in_flight() const;

 private:
  Result<void> store_exports();
  Result<void> store_imports();
  void work();

  engine::Database& database_;
  std::string s3_dir_;
  mutable std::mutex mutex_;
  std::vector<ExportRecord> exports_;
  std::vector<ImportRecord> imports_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::condition_variable changed_;
  std::thread thread_;
};

}  // namespace eddy::ops
