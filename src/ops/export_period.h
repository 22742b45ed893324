// What ExportTableToPointInTime checks of its times, in AWS's order and words: the pairing of
// ExportType and IncrementalExportSpecification (ValidationException), a FULL_EXPORT's ExportTime
// and an INCREMENTAL_EXPORT's period against point-in-time recovery's window
// (PointInTimeRecoveryUnavailableException, InvalidExportTimeException).
#pragma once

#include <cstdint>
#include <optional>

#include "model/api_error.h"
#include "model/table_definition.h"
#include "protocol/requests/export_table_to_point_in_time.h"

namespace eddy::ops {

// What the export reads, in epoch milliseconds.
struct ExportPeriod {
  double export_time = 0;           // a FULL_EXPORT's ExportTime (seconds, to the millisecond)
  std::optional<uint64_t> time_ms;  // set: a past ExportTime, replayed from the point-in-time log
  double from = 0, to = 0;          // an INCREMENTAL_EXPORT's period, in seconds: [from, to)
  uint64_t from_ms = 0, to_ms = 0;
};

// The ValidationExceptions that need no table.
Result<void> check_export_type(const protocol::ExportTableToPointInTimeRequest& request);
// The times checked against the table's point-in-time recovery: `earliest` is its earliest
// restorable time (seconds; 0 when PITR is off), `now` the server's clock.
Result<ExportPeriod> export_period_of(const protocol::ExportTableToPointInTimeRequest& request,
                                      const TableDefinition& table, double earliest, double now);

}  // namespace eddy::ops
