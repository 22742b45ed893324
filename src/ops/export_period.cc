// ExportTableToPointInTime's time checks; see export_period.h. The texts are AWS's as it answers
// them (InvalidExportTimeException for every period that is not allowed).
#include "ops/export_period.h"

#include <cmath>
#include <ctime>
#include <string>

#include "model/result.h"

namespace eddy::ops {
namespace {

constexpr double kNowTolerance = 1;           // an ExportTime within a second of now is now
constexpr double kShortestPeriod = 15 * 60;   // an incremental export spans 15 minutes ...
constexpr double kLongestPeriod = 24 * 3600;  // ... to 24 hours

// "2026-10-08T22:51:50Z", as AWS writes times in these messages.
std::string iso8601_seconds(double seconds) {
  auto whole = static_cast<std::time_t>(std::floor(seconds));
  std::tm utc{};
  gmtime_r(&whole, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

ApiError invalid_time(std::string message) { return ApiError{ErrorCode::kInvalidExportTime, std::move(message), {}}; }

uint64_t milliseconds(double seconds) { return static_cast<uint64_t>(std::floor(seconds * 1000)); }

Result<ExportPeriod> full_export(const protocol::ExportTableToPointInTimeRequest& request, const TableDefinition& table,
                                 double earliest, double now) {
  // AWS exports from the point-in-time log only, so every export needs PITR, even of the table as it is now.
  if (!table.pitr.enabled) {
    return fail(ApiError{ErrorCode::kPointInTimeRecoveryUnavailable,
                         "Point in time recovery is not enabled for table '" + table.name + "'",
                         {}});
  }
  ExportPeriod period;
  period.export_time = std::floor(now * 1000) / 1000;
  if (!request.export_time) return period;
  double time = *request.export_time;
  if (time > now + kNowTolerance) return fail(invalid_time("Export Time is invalid"));
  if (time >= now - kNowTolerance) return period;
  if (time < earliest) return fail(invalid_time("Export Time is invalid"));
  period.export_time = std::floor(time * 1000) / 1000;
  period.time_ms = milliseconds(time);
  return period;
}

Result<ExportPeriod> incremental_export(const protocol::ExportTableToPointInTimeRequest& request,
                                        const TableDefinition& table, double earliest, double now) {
  const auto& specification = *request.incremental_export_specification;
  ExportPeriod period;
  period.from = *specification.export_from_time;
  period.to = specification.export_to_time.value_or(now);
  // Without point-in-time recovery nothing is restorable, so every period starts too early.
  double first = table.pitr.enabled ? earliest : table.creation_time;
  if (!table.pitr.enabled || period.from < first) {
    return fail(invalid_time("Incremental export period from time cannot be less than the table creation time : " +
                             iso8601_seconds(first)));
  }
  if (period.to > now + kNowTolerance) {
    return fail(invalid_time("Incremental export period to time cannot be greater than the current time : " +
                             iso8601_seconds(now)));
  }
  if (period.to - period.from < kShortestPeriod) {
    return fail(
        invalid_time("Difference between export period from time and export period to time is less than "
                     "15 minutes"));
  }
  if (period.to - period.from > kLongestPeriod) {
    return fail(
        invalid_time("Difference between export period from time and export period to time is greater "
                     "than 24 hours"));
  }
  period.from_ms = milliseconds(period.from);
  period.to_ms = milliseconds(period.to);
  return period;
}

}  // namespace

Result<void> check_export_type(const protocol::ExportTableToPointInTimeRequest& request) {
  const auto& specification = request.incremental_export_specification;
  if (specification && !request.export_type) {
    return validation_error(
        "Invalid Request: Export Type expected to be Incremental Export when incremental export specification is "
        "provided");
  }
  bool incremental = request.export_type.value_or("FULL_EXPORT") == "INCREMENTAL_EXPORT";
  if (specification && !incremental) {
    return validation_error(
        "Invalid Request: When Export Type is Full Export , Incremental Export Specification should not be provided");
  }
  if (incremental && !specification) {
    return validation_error(
        "Invalid Request: Incremental Export Specification expected when export type is set as Incremental Export");
  }
  if (incremental && !specification->export_from_time) {
    return validation_error("Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification");
  }
  return {};
}

Result<ExportPeriod> export_period_of(const protocol::ExportTableToPointInTimeRequest& request,
                                      const TableDefinition& table, double earliest, double now) {
  if (request.export_type.value_or("FULL_EXPORT") == "INCREMENTAL_EXPORT") {
    return incremental_export(request, table, earliest, now);
  }
  return full_export(request, table, earliest, now);
}

}  // namespace eddy::ops
