// Cold start: the time from exec of a server to its first answered request, then its resident
// memory once idle. The command runs as a child process and is stopped with SIGTERM afterwards.
#pragma once

#include <string>
#include <vector>

#include "http_driver.h"

namespace eddy::bench {

struct ColdStart {
  double milliseconds = -1;  // -1: never answered within the time limit
  long idle_rss_kb = -1;
};

ColdStart measure_cold_start(const Endpoint& endpoint, const std::vector<std::string>& command, double idle_seconds);

// VmRSS or VmHWM (peak) of a process from /proc, in kB; -1 if unreadable.
long memory_kb(int pid, const std::string& field);

}  // namespace eddy::bench
