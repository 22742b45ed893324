// The background half of ExportTableToPointInTime: reads the table from the snapshot the request
// took and writes the export folder (export/export_writer.h), then marks the record COMPLETED or
// FAILED.
#pragma once

#include <filesystem>
#include <memory>

#include "engine/database.h"
#include "export/export_writer.h"
#include "model/clock.h"
#include "ops/transfer_jobs.h"

namespace eddy::ops {

struct ExportJob {
  ExportRecord record;
  std::string export_id;
  engine::TablePtr table;
  std::shared_ptr<engine::ReadView> snapshot;  // the table as of ExportTime
  std::filesystem::path bucket;
  exports::ExportFormat format = exports::ExportFormat::kDynamoDbJson;
};

void perform_export(engine::Database& database, TransferJobs& jobs, const Clock& clock, const ExportJob& job);

}  // namespace eddy::ops
