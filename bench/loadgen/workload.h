// What a workload is and what it reports. A workload prepares its tables, then measures one kind of
// request; one that the server does not implement is reported "not available", never dropped.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "http_driver.h"

namespace eddy::bench {

struct Settings {
  Endpoint endpoint;
  std::size_t connections = 16;
  std::size_t threads = 1;
  std::chrono::milliseconds duration{3000};
  std::uint64_t requests = 0;            // a request workload stops after this many calls (0: by time only)
  std::uint64_t items = 100000;          // preloaded items for GetItem, UpdateItem and Scan
  std::uint64_t stream_records = 50000;  // records read back with GetRecords
  std::uint64_t latency_samples = 200;   // PutItems timed to a LATEST consumer
};

struct Report {
  std::string workload;
  bool available = true;
  double rate = 0;  // per second, in rate_unit
  std::string rate_unit = "req/s";
  double p50_ms = 0;
  double p99_ms = 0;
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;  // non-2xx answers and broken connections
  std::string note;          // e.g. items/s of a scan, the first error's text
};

// Fills rate, percentiles and errors from a closed-loop run.
Report summarize(const std::string& workload, DriveResult result);
double percentile_ms(std::vector<std::uint32_t>& latencies_us, double fraction);

// The workloads, by name (see workload_list()).
std::vector<std::string> workload_list();
std::vector<Report> run_workload(const std::string& name, const Settings& settings);

// The request workloads (request_workloads.cc) and stream workloads (stream_workloads.cc).
std::vector<Report> run_load(const Settings& settings);
Report run_request_workload(const std::string& name, const Settings& settings);
Report run_get_records(const Settings& settings);
Report run_stream_latency(const Settings& settings);

// Writes items 0..items-1 (preloaded_key) into table with BatchWriteItems of 25.
DriveResult preload(const Settings& settings, const std::string& table, std::uint64_t items);

// Creates a table unless it exists and waits until it is ACTIVE; false if it cannot.
bool ensure_table(const Settings& settings, const std::string& table, bool with_sort_key, bool with_stream);

}  // namespace eddy::bench
