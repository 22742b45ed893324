// Turning latencies into the reported numbers, and the workload registry.
#include <algorithm>
#include <cstddef>

#include "workload.h"

namespace eddy::bench {

double percentile_ms(std::vector<std::uint32_t>& latencies_us, double fraction) {
  if (latencies_us.empty()) return 0;
  std::size_t rank =
      std::min(latencies_us.size() - 1, static_cast<std::size_t>(fraction * static_cast<double>(latencies_us.size())));
  std::nth_element(latencies_us.begin(), latencies_us.begin() + static_cast<std::ptrdiff_t>(rank), latencies_us.end());
  return latencies_us[rank] / 1000.0;
}

Report summarize(const std::string& workload, DriveResult result) {
  Report report;
  report.workload = workload;
  report.requests = result.requests;
  report.rate = result.seconds > 0 ? static_cast<double>(result.requests) / result.seconds : 0;
  report.p50_ms = percentile_ms(result.latencies_us, 0.50);
  report.p99_ms = percentile_ms(result.latencies_us, 0.99);
  report.errors = result.non_2xx + result.transport_errors;
  if (!result.first_error.empty()) report.note = "first error: " + result.first_error;
  return report;
}

std::vector<std::string> workload_list() {
  return {"load",  "put",      "put_stream", "put_stream_two_tables", "put_condition", "get", "update", "query", "scan",
          "batch", "transact", "getrecords", "stream_latency"};
}

std::vector<Report> run_workload(const std::string& name, const Settings& settings) {
  if (name == "load") return run_load(settings);
  if (name == "getrecords") return {run_get_records(settings)};
  if (name == "stream_latency") return {run_stream_latency(settings)};
  return {run_request_workload(name, settings)};
}

}  // namespace eddy::bench
