// The start-up banner; see start_banner.h.
#include "server/start_banner.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include <spdlog/spdlog.h>

#include "server/admin_dispatcher.h"
#include "server/log_event.h"
#include "server/log_format.h"

namespace eddy::server {
namespace {

std::string_view namespace_mode(TableNamespaces namespaces) {
  return namespaces == TableNamespaces::kShared ? "shared" : "access-key-region";
}

std::string_view namespace_meaning(TableNamespaces namespaces) {
  return namespaces == TableNamespaces::kShared ? "every access key and region sees the same tables"
                                                : "each access key and region has tables of its own";
}

// A client on this machine reaches a server listening on every address through loopback.
std::string reachable_host(const std::string& host) {
  if (host == "0.0.0.0" || host.empty()) return "localhost";
  if (host == "::" || host == "[::]") return "localhost";
  return host;
}

// DynamoDB Local keeps one SQLite file per namespace in its -dbPath: shared-local-instance.db with
// -sharedDb, else <access key>_<region>.db. A volume that served it may be handed to eddy now.
std::vector<std::string> dynamodb_local_files(const std::string& data_dir) {
  std::vector<std::string> found;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, error)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file(error) && name.size() > 3 && name.ends_with(".db")) found.push_back(name);
  }
  std::sort(found.begin(), found.end());
  return found;
}

void warn_of_dynamodb_local_files(const std::string& data_dir) {
  std::vector<std::string> files = dynamodb_local_files(data_dir);
  if (files.empty()) return;
  std::string names;
  for (const std::string& name : files) names += (names.empty() ? "" : ", ") + name;
  spdlog::warn(
      "the data folder {} holds DynamoDB Local's database files ({}); eddy does not read them: "
      "its tables are its own, kept beside them",
      data_dir, names);
}

std::string absolute_data_dir(const std::string& data_dir) {
  std::error_code error;
  auto absolute = std::filesystem::absolute(data_dir, error);
  return error ? data_dir : absolute.lexically_normal().string();
}

}  // namespace

std::string endpoint_url(const std::string& host, unsigned short port, bool tls) {
  bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
  return std::string(tls ? "https://" : "http://") + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

void log_start_banner(const ServerOptions& options, unsigned short port) {
  bool tls = !options.tls_certificate_file.empty();
  std::string listening = endpoint_url(options.host, port, tls);
  std::string reach = endpoint_url(reachable_host(options.host), port, tls);
  std::string aws_cli = "aws dynamodb list-tables --endpoint-url " + reach;
  // Where the admin API is allowed, so is the console (docs/console.md, Security).
  bool console_allowed = options.admin || AdminDispatcher::is_loopback(options.host);
  std::string console = console_allowed ? reach + "/console" : std::string();
  std::string data_dir = options.in_memory ? std::string() : absolute_data_dir(options.data_dir);
  std::string headline = std::string("eddy ") + kVersion + " listening on " + listening;
  if (!options.credentials.empty()) headline += ", signatures verified";
  if (log_format() == LogFormat::kJson) {
    LogEvent event(headline);
    event.add("event", "start").add("version", kVersion);
    event.add("endpoint", listening);
    if (options.in_memory) {
      event.add_null("data_dir");
    } else {
      event.add("data_dir", data_dir);
    }
    event.add("in_memory", options.in_memory).add("namespace", namespace_mode(options.namespaces));
    event.add("aws_cli", aws_cli);
    if (console_allowed) {
      event.add("console", console);
    } else {
      event.add_null("console");
    }
    log_event(spdlog::level::info, event);
  } else {
    spdlog::info("{}", headline);
    spdlog::info("  data folder: {}",
                 options.in_memory ? std::string("none, in memory (nothing is kept after exit)") : data_dir);
    spdlog::info("  namespace:   {} ({})", namespace_mode(options.namespaces), namespace_meaning(options.namespaces));
    spdlog::info("  AWS CLI:     {} (any access key, secret and region)", aws_cli);
    if (console_allowed) spdlog::info("  console:     {} (in a browser)", console);
  }
  if (!options.in_memory) warn_of_dynamodb_local_files(data_dir);
}

}  // namespace eddy::server
