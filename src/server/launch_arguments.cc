// The command line as eddy's flag parser reads it; see launch_arguments.h.
#include "server/launch_arguments.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace eddy::server {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// JVM options that are one token. eddy's and DynamoDB Local's flags never start with an upper-case
// D or X, so these cannot be mistaken for them.
bool is_jvm_option(std::string_view arg) {
  static constexpr std::array<std::string_view, 6> kSwitches = {"-server", "-client", "-ea", "-da", "-esa", "-dsa"};
  static constexpr std::array<std::string_view, 8> kPrefixes = {
      "-D", "-X", "-ea:", "-da:", "-verbose", "-agentlib:", "-agentpath:", "-javaagent:"};
  if (std::find(kSwitches.begin(), kSwitches.end(), arg) != kSwitches.end()) return true;
  return std::any_of(kPrefixes.begin(), kPrefixes.end(), [arg](std::string_view p) { return starts_with(arg, p); });
}

// "--data-dir=/x" -> "data-dir", "-dbPath" -> "dbPath", "x" -> "".
std::string_view flag_name(std::string_view arg) {
  if (arg.size() < 2 || arg[0] != '-') return {};
  arg.remove_prefix(arg[1] == '-' ? 2 : 1);
  return arg.substr(0, arg.find('='));
}

bool names_any(const std::vector<std::string>& args, std::initializer_list<std::string_view> names) {
  return std::any_of(args.begin(), args.end(), [&](const std::string& arg) {
    std::string_view name = flag_name(arg);
    return std::find(names.begin(), names.end(), name) != names.end();
  });
}

std::vector<std::string> without_java_arguments(const std::vector<std::string>& given) {
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string& arg = given[i];
    if (arg == "-jar") {
      ++i;  // and the jar
    } else if (arg == "-cp" || arg == "-classpath" || arg == "--class-path") {
      ++i;  // the class path; the main class follows, before the program's own arguments
      if (i + 1 < given.size() && !starts_with(given[i + 1], "-")) ++i;
    } else if (!is_jvm_option(arg)) {
      kept.push_back(arg);
    }
  }
  return kept;
}

}  // namespace

bool is_dynamodb_local_command_line(const std::vector<std::string>& given) {
  if (names_any(given, {"inMemory", "dbPath", "sharedDb", "cors", "delayTransientStatuses", "disableTelemetry",
                        "optimizeDbBeforeStartup"})) {
    return true;
  }
  return std::any_of(given.begin(), given.end(), [](const std::string& arg) {
    return arg == "-jar" || arg == "-port" || starts_with(arg, "-port=");
  });
}

std::vector<std::string> launch_arguments(const std::vector<std::string>& given) {
  std::vector<std::string> args = without_java_arguments(given);
  if (!names_any(args, {"container"})) return args;
  if (!names_any(args, {"host"})) args.insert(args.end(), {"--host", kContainerHost});
  if (!names_any(args, {"data-dir", "dbPath", "in-memory", "inMemory"})) {
    args.insert(args.end(), {"--data-dir", kContainerDataDir});
  }
  return args;
}

}  // namespace eddy::server
