// The background half of ExportTableToPointInTime: reads the table from the snapshot the request
// took — as it is, as it was at a past ExportTime, or the items changed in an incremental export's
// period — and writes the export folder (export/export_writer.h), then marks the record COMPLETED
// or FAILED.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "engine/database.h"
#include "export/export_writer.h"
#include "model/clock.h"
#include "ops/transfer_jobs.h"

namespace eddy::ops {

struct ExportJob {
  ExportRecord record;
  std::string export_id;
  engine::TablePtr table;
  std::shared_ptr<engine::ReadView> snapshot;  // storage when the export was asked for
  // A FULL_EXPORT at a past ExportTime: the table as of this millisecond, replayed from its
  // point-in-time log (engine/point_in_time_log.h); nullopt: the table as the snapshot holds it.
  std::optional<uint64_t> time_ms;
  // An INCREMENTAL_EXPORT: the items changed with from_ms <= time < to_ms.
  uint64_t from_ms = 0;
  uint64_t to_ms = 0;
  bool old_images = true;          // ExportViewType NEW_AND_OLD_IMAGES
  uint64_t pause_after_items = 0;  // a test's pause (TransferJobs::hold) after this many items; 0: none
  std::filesystem::path bucket;
  exports::ExportFormat format = exports::ExportFormat::kDynamoDbJson;
};

void perform_export(engine::Database& database, TransferJobs& jobs, const Clock& clock, const ExportJob& job);

}  // namespace eddy::ops
