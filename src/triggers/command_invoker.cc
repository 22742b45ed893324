// The invoker of an `exec:` function (declared only in --event-source-mappings): `/bin/sh -c
// COMMAND` in the mappings file's folder, the event on its stdin, its answer on its stdout, its
// stderr joined to eddy's. A zero exit status is an answer; any other, or running past the
// invocation timeout (the command is then killed), is a function error.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>

#include "triggers/invoker.h"

extern char** environ;

namespace eddy::triggers {
namespace {

struct Pipe {
  int read = -1;
  int write = -1;
  bool open() {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return false;
    read = ends[0];
    write = ends[1];
    return true;
  }
  static void close_end(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  ~Pipe() {
    close_end(read);
    close_end(write);
  }
};

class CommandInvoker : public Invoker {
 public:
  CommandInvoker(std::string command, InvokerSettings settings)
      : command_(std::move(command)), settings_(std::move(settings)) {}

  InvokeOutcome invoke(const std::string& event, const std::atomic<bool>& cancel) override {
    InvokeOutcome outcome;
    Pipe in, out;
    pid_t pid = 0;
    if (!in.open() || !out.open() || !spawn(in, out, pid)) {
      outcome.kind = InvokeOutcome::Kind::kUnreachable;
      outcome.problem = std::string("cannot run the command: ") + std::strerror(errno);
      return outcome;
    }
    Pipe::close_end(in.read);
    Pipe::close_end(out.write);
    bool finished = exchange(in, out, event, outcome.body, cancel);
    if (!finished) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!finished) {
      outcome.kind = cancel.load() ? InvokeOutcome::Kind::kUnreachable : InvokeOutcome::Kind::kFunctionError;
      outcome.function_error = "Unhandled";
      outcome.problem = cancel.load() ? "cancelled" : "timed out";
      return outcome;
    }
    outcome.status = 200;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      outcome.kind = InvokeOutcome::Kind::kFunctionError;
      outcome.function_error = "Unhandled";
      outcome.problem = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status)) : "killed by a signal";
    }
    return outcome;
  }

 private:
  bool spawn(Pipe& in, Pipe& out, pid_t& pid) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
    if (!settings_.working_directory.empty()) {
      posix_spawn_file_actions_addchdir_np(&actions, settings_.working_directory.c_str());
    }
    const char* argv[] = {"/bin/sh", "-c", command_.c_str(), nullptr};
    int spawned = posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) errno = spawned;
    return spawned == 0;
  }

  // Writes the event and reads the answer until the command closes its stdout. False when the
  // timeout passed or `cancel` was set first.
  bool exchange(Pipe& in, Pipe& out, const std::string& event, std::string& answer, const std::atomic<bool>& cancel) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(settings_.timeout_seconds);
    std::size_t written = 0;
    fcntl(in.write, F_SETFL, O_NONBLOCK);
    if (event.empty()) Pipe::close_end(in.write);
    char buffer[65536];
    while (out.read >= 0) {
      if (cancel.load() || std::chrono::steady_clock::now() > deadline) return false;
      pollfd fds[2] = {{out.read, POLLIN, 0}, {in.write, POLLOUT, 0}};
      int count = in.write >= 0 ? 2 : 1;
      if (::poll(fds, count, 100) < 0 && errno != EINTR) return false;
      if (count == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
        ssize_t n = ::write(in.write, event.data() + written, event.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 && errno != EAGAIN) written = event.size();  // the command stopped reading
        if (written >= event.size()) Pipe::close_end(in.write);
      }
      if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t n = ::read(out.read, buffer, sizeof buffer);
        if (n > 0) answer.append(buffer, static_cast<std::size_t>(n));
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) Pipe::close_end(out.read);
      }
    }
    return true;
  }

  std::string command_;
  InvokerSettings settings_;
};

}  // namespace

std::unique_ptr<Invoker> make_command_invoker(const std::string& command, const InvokerSettings& settings) {
  // A command that exits before it has read its event must not take eddy down with SIGPIPE: the
  // write then fails with EPIPE instead. (eddy's sockets never raise it; only these pipes can.)
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });
  return std::make_unique<CommandInvoker>(command, settings);
}

}  // namespace eddy::triggers
