// Cold start measurement; see cold_start.h.
#include "cold_start.h"

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <fstream>
#include <thread>

#include "sync_client.h"

namespace eddy::bench {

long memory_kb(int pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

ColdStart measure_cold_start(const Endpoint& endpoint, const std::vector<std::string>& command, double idle_seconds) {
  using Clock = std::chrono::steady_clock;
  ColdStart result;
  auto begin = Clock::now();
  pid_t child = fork();
  if (child == 0) {
    std::vector<char*> argv;
    argv.reserve(command.size() + 1);
    for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  while (Clock::now() - begin < std::chrono::seconds(30)) {
    SyncClient client(endpoint);
    if (client.call("ListTables", "{}").ok()) {
      result.milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
      break;
    }
    if (waitpid(child, nullptr, WNOHANG) == child) return result;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(idle_seconds));
  result.idle_rss_kb = memory_kb(child, "VmRSS");
  kill(child, SIGTERM);
  waitpid(child, nullptr, 0);
  return result;
}

}  // namespace eddy::bench
