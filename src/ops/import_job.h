// The background half of ImportTable: reads every data file under the bucket's key prefix
// (export/import_reader.h) into the table the request created, through the same write path as
// PutItem, counts what it read, imported and refused, and writes a CloudWatch-style error line
// for each refused record to <bucket>/AWSDynamoDBImportErrors/<ImportId>/errors.log. The table
// becomes ACTIVE when the import ends (COMPLETED or FAILED); one a crash cut short is deleted at the
// next start (TransferJobs::load).
#pragma once

#include <filesystem>
#include <string>

#include "engine/database.h"
#include "export/import_reader.h"
#include "model/clock.h"
#include "ops/transfer_jobs.h"

namespace eddy::ops {

inline constexpr std::string_view kImportErrorsFolder = "AWSDynamoDBImportErrors";

struct ImportJob {
  ImportRecord record;
  std::string import_id;
  engine::TablePtr table;
  std::filesystem::path bucket;
  exports::ImportSource source;
  uint64_t pause_after_items = 0;  // a test's pause (TransferJobs::hold) after this many items; 0: none
};

void perform_import(engine::Database& database, TransferJobs& jobs, const Clock& clock, const ImportJob& job);

}  // namespace eddy::ops
