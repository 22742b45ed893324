// eddy_loadgen: drives a DynamoDB-compatible server over HTTP and prints, per workload, requests/s,
// p50/p99 latency and errors. See bench/README.md.
//   eddy_loadgen [--port P] [--label NAME] [--seconds S] [--requests N] [--connections C] [--items N]
//                [--stream-records N] [--workloads a,b,...] [--results FILE]
//   eddy_loadgen cold-start [--port P] [--idle-seconds S] -- COMMAND ARGS...
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cold_start.h"
#include "workload.h"

namespace {

using namespace eddy::bench;

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) parts.push_back(part);
  return parts;
}

void print(const std::string& label, const Report& r) {
  if (!r.available) {
    std::printf("%-10s %-15s %12s   %s\n", label.c_str(), r.workload.c_str(), "n/a", r.note.c_str());
    return;
  }
  std::printf("%-10s %-15s %12.0f %-9s p50 %8.3f ms  p99 %8.3f ms  n %8llu  errors %llu%s  %s\n", label.c_str(),
              r.workload.c_str(), r.rate, r.rate_unit.c_str(), r.p50_ms, r.p99_ms,
              static_cast<unsigned long long>(r.requests), static_cast<unsigned long long>(r.errors),
              r.errors ? " [ERRORS]" : "", r.note.c_str());
  std::fflush(stdout);
}

void append_result(const std::string& file, const std::string& label, const Report& r) {
  if (file.empty()) return;
  std::ofstream out(file, std::ios::app);
  out << label << '\t' << r.workload << '\t' << (r.available ? "yes" : "no") << '\t' << r.rate << '\t' << r.rate_unit
      << '\t' << r.p50_ms << '\t' << r.p99_ms << '\t' << r.errors << '\t' << r.note << '\n';
}

int cold_start_main(int argc, char** argv) {
  Endpoint endpoint;
  double idle_seconds = 1.0;
  int i = 2;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; i += 2) {
    std::string flag = argv[i];
    if (i + 1 >= argc) break;
    if (flag == "--port") endpoint.port = argv[i + 1];
    if (flag == "--idle-seconds") idle_seconds = std::stod(argv[i + 1]);
  }
  std::vector<std::string> command(argv + std::min(i + 1, argc), argv + argc);
  if (command.empty()) return std::fprintf(stderr, "cold-start: no command after --\n"), 2;
  ColdStart result = measure_cold_start(endpoint, command, idle_seconds);
  std::printf("cold_start_ms %.1f idle_rss_kb %ld\n", result.milliseconds, result.idle_rss_kb);
  return result.milliseconds < 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "cold-start") return cold_start_main(argc, argv);
  Settings settings;
  std::string label = "server", results_file;
  std::vector<std::string> workloads = workload_list();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--host") settings.endpoint.host = value;
    else if (flag == "--port") settings.endpoint.port = value;
    else if (flag == "--label") label = value;
    else if (flag == "--seconds")
      settings.duration = std::chrono::milliseconds(static_cast<long>(std::stod(value) * 1000));
    else if (flag == "--requests") settings.requests = std::stoull(value);
    else if (flag == "--connections") settings.connections = std::stoul(value);
    else if (flag == "--threads") settings.threads = std::stoul(value);
    else if (flag == "--items") settings.items = std::stoull(value);
    else if (flag == "--stream-records") settings.stream_records = std::stoull(value);
    else if (flag == "--latency-samples") settings.latency_samples = std::stoull(value);
    else if (flag == "--workloads") workloads = split(value);
    else if (flag == "--results") results_file = value;
    else return std::fprintf(stderr, "eddy_loadgen: unknown flag %s\n", flag.c_str()), 2;
  }
  bool any_errors = false;
  for (const auto& name : workloads) {
    for (const Report& report : run_workload(name, settings)) {
      print(label, report);
      append_result(results_file, label, report);
      any_errors = any_errors || report.errors > 0;
    }
  }
  return any_errors ? 3 : 0;
}
