// eddy's command line: flags -> ServerOptions -> run. Accepts DynamoDB Local's flags too, so a script
// that starts DynamoDB Local starts eddy unchanged.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>
#include <boost/program_options.hpp>

#include "auth/credentials.h"
#include "cli/admin_command.h"
#include "cli/export_command.h"
#include "cli/healthcheck_command.h"
#include "cli/import_command.h"
#include "cli/tail_command.h"
#include "cli/triggers_command.h"
#include "eddy/server.h"
#include "server/launch_arguments.h"
#include "server/log_format.h"
#include "server/start_banner.h"

namespace po = boost::program_options;

namespace {

po::options_description describe_flags() {
  po::options_description flags("eddy: a DynamoDB-compatible server with DynamoDB Streams\n\nOptions");
  flags.add_options()("help,h", "print this help and exit")("version", "print the version and exit")(
      "port", po::value<unsigned short>()->default_value(8000), "TCP port to listen on (0: any free port)")(
      "host", po::value<std::string>()->default_value("127.0.0.1"), "address to listen on")(
      "data-dir", po::value<std::string>(), "folder of the persistent data (default ./eddy-data)")(
      "in-memory", "keep everything in memory; nothing is written to disk")(
      "log-level", po::value<std::string>()->default_value("info"), "trace, debug, info, warn, error or off")(
      "log-format", po::value<std::string>()->default_value("text"),
      "text (for people) or json (one object per line); debug logs one line per request")(
      "threads", po::value<std::size_t>()->default_value(0), "worker threads (0: one per core)")(
      "sync-writes", "fsync the write-ahead log on every write (survive power loss, not only a crash)")(
      "stream-shards", po::value<std::size_t>()->default_value(4), "shards per stream")(
      "shard-rollover-seconds", po::value<double>()->default_value(4 * 3600), "age at which a shard is closed")(
      "stream-retention-seconds", po::value<double>()->default_value(24 * 3600), "stream record retention")(
      "ttl-sweep-interval-seconds", po::value<double>()->default_value(5), "how often expired items are deleted")(
      "item-collection-limit-bytes", po::value<int64_t>(),
      "most bytes of one item collection of a table with local secondary indexes (default 10 GB, DynamoDB's)")(
      "max-connections", po::value<std::size_t>()->default_value(10000),
      "connections open at once; past it a new one is closed at once (fewer if the open-file limit is lower)")(
      "max-tables", po::value<std::size_t>()->default_value(2500),
      "tables at most; CreateTable past it gets LimitExceededException (DynamoDB's account quota: 2,500)")(
      "header-timeout-seconds", po::value<int>()->default_value(20),
      "a request's line and headers must arrive within this from its first byte")(
      "body-timeout-seconds", po::value<int>()->default_value(30),
      "a request's body must arrive within this from its first byte, plus 1 s per --min-body-rate bytes")(
      "min-body-rate", po::value<std::size_t>()->default_value(16384),
      "bytes per second a request body must keep up (over --body-timeout-seconds); slower is disconnected")(
      "max-body-bytes-in-flight", po::value<std::size_t>()->default_value(std::size_t{1} << 30),
      "bytes of request bodies read and handled at once; past it ThrottlingException (SDKs retry it)")(
      "idle-timeout-seconds", po::value<int>()->default_value(60),
      "a connection silent this long between requests is closed")(
      "credentials", po::value<std::vector<std::string>>()->composing(),
      "ACCESS_KEY_ID:SECRET_ACCESS_KEY (repeatable): verify every request's SigV4 signature against these")(
      "credentials-file", po::value<std::string>(),
      "a file of ACCESS_KEY_ID:SECRET_ACCESS_KEY lines, as --credentials")(
      "tls-cert", po::value<std::string>(), "PEM certificate chain: serve HTTPS (with --tls-key)")(
      "tls-key", po::value<std::string>(), "PEM private key of --tls-cert")(
      "clock", po::value<std::string>()->default_value("wall"),
      "wall (the system clock) or virtual (starts at the wall time, then moves only through the admin API)")(
      "admin", "serve the admin API (/eddy/v1/..., docs/test-controls.md) on a non-loopback --host too")(
      "s3-dir", po::value<std::string>(),
      "the folder that stands in for S3 in ExportTableToPointInTime and ImportTable: bucket B is DIR/B")(
      "lambda-endpoint", po::value<std::string>(),
      "Lambda's Invoke API for event source mappings that name a function, e.g. http://localhost:9001 "
      "(docs/triggers.md)")("event-source-mappings", po::value<std::string>(),
                            "a JSON file of CreateEventSourceMapping requests, created at start")(
      "lambda-timeout-seconds", po::value<double>()->default_value(300), "longest one function invocation may run")(
      "trigger-retry-seconds", po::value<double>()->default_value(1),
      "wait before a failed batch's first retry (each further retry waits twice as long, up to 60 s)")(
      "init", po::value<std::vector<std::string>>()->composing(),
      "PATH (repeatable): create the tables and load the items declared in a file or folder, if absent: CreateTable "
      "lists, DescribeTable outputs, CloudFormation/SAM templates, cdk.out, BatchWriteItem files (docs/init.md)")(
      "init-param", po::value<std::vector<std::string>>()->composing(),
      "K=V (repeatable): a template parameter for --init, over its Default")(
      "namespace", po::value<std::string>(),
      "shared (every access key and region sees the same tables; the default) or access-key-region (tables "
      "by access key and region, DynamoDB Local's default without -sharedDb; docs/namespaces.md)")(
      "container", "the container image's defaults: --host 0.0.0.0 and --data-dir /data unless given (docs/docker.md)")
      // DynamoDB Local's flags.
      ("inMemory", "DynamoDB Local: same as --in-memory")("dbPath", po::value<std::string>(),
                                                          "DynamoDB Local: same as --data-dir")(
          "sharedDb",
          "DynamoDB Local: one database for all credentials and regions (with DynamoDB Local's flags, "
          "tables are otherwise kept by access key and region)")("cors", po::value<std::string>()->implicit_value("*"),
                                                                 "DynamoDB Local: enable CORS for these origins")(
          "delayTransientStatuses", "DynamoDB Local: keep tables and indexes CREATING/DELETING for a moment")(
          "disableTelemetry", "DynamoDB Local: accepted; eddy sends no telemetry")(
          "optimizeDbBeforeStartup", "DynamoDB Local: accepted; nothing to do");
  return flags;
}

// --credentials, --credentials-file and EDDY_CREDENTIALS (pairs separated by commas or spaces).
bool read_credentials(const po::variables_map& vm, eddy::ServerOptions& options, std::string& error) {
  if (vm.count("credentials")) {
    for (const auto& pair : vm["credentials"].as<std::vector<std::string>>()) {
      if (!eddy::auth::add_credential(pair, options.credentials, error)) return false;
    }
  }
  if (vm.count("credentials-file") &&
      !eddy::auth::read_credentials_file(vm["credentials-file"].as<std::string>(), options.credentials, error)) {
    return false;
  }
  if (const char* list = std::getenv("EDDY_CREDENTIALS")) {
    if (!eddy::auth::add_credential_list(list, options.credentials, error)) return false;
  }
  return true;
}

// DynamoDB Local's -cors takes a comma-separated list of origins; "*" (or none) allows every one.
std::vector<std::string> cors_origins(const std::string& list) {
  std::vector<std::string> origins;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string origin = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    origin.erase(0, origin.find_first_not_of(" \t"));
    origin.erase(origin.find_last_not_of(" \t") + 1);
    if (!origin.empty()) origins.push_back(origin);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return origins;
}

}  // namespace

// What escapes (a flag value boost cannot convert, memory exhausted at start) is said in one line and
// exits 1, instead of std::terminate's abort.
int main(int argc, char** argv) try {
  if (argc > 1 && std::string(argv[1]) == "streams") return eddy::cli::run_streams_command(argc - 1, argv + 1);
  if (argc > 1 && std::string(argv[1]) == "admin") return eddy::cli::run_admin_command(argc - 1, argv + 1);
  if (argc > 1 && std::string(argv[1]) == "triggers") return eddy::cli::run_triggers_command(argc - 1, argv + 1);
  if (argc > 1 && std::string(argv[1]) == "export") return eddy::cli::run_export_command(argc - 1, argv + 1);
  if (argc > 1 && std::string(argv[1]) == "import") return eddy::cli::run_import_command(argc - 1, argv + 1);
  if (argc > 1 && std::string(argv[1]) == "healthcheck") return eddy::cli::run_healthcheck_command(argc - 1, argv + 1);
  po::options_description flags = describe_flags();
  // Flags for eddy's own tests, not shown by --help.
  po::options_description hidden;
  hidden.add_options()("pitr-window-seconds", po::value<double>()->default_value(0),
                       "point-in-time recovery window instead of RecoveryPeriodInDays")(
      "pause-transfers-after-items", po::value<uint64_t>()->default_value(0),
      "restores, imports and exports wait after this many items until eddy stops");
  po::options_description all;
  all.add(flags).add(hidden);
  po::variables_map vm;
  bool dynamodb_local_style =
      eddy::server::is_dynamodb_local_command_line(std::vector<std::string>(argv + 1, argv + argc));
  try {
    auto style = po::command_line_style::default_style | po::command_line_style::allow_long_disguise;
    // Without java's own arguments, with the container's defaults (server/launch_arguments.h).
    auto args = eddy::server::launch_arguments(std::vector<std::string>(argv + 1, argv + argc));
    po::store(po::command_line_parser(args).options(all).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "eddy: " << e.what() << "\n\n" << flags << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << flags << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << "eddy " << eddy::kVersion << "\n";
    return 0;
  }

  eddy::ServerOptions options;
  options.host = vm["host"].as<std::string>();
  options.port = vm["port"].as<unsigned short>();
  options.in_memory = vm.count("in-memory") || vm.count("inMemory");
  if (vm.count("data-dir")) options.data_dir = vm["data-dir"].as<std::string>();
  if (vm.count("dbPath")) options.data_dir = vm["dbPath"].as<std::string>();
  options.threads = vm["threads"].as<std::size_t>();
  options.max_connections = std::max<std::size_t>(1, vm["max-connections"].as<std::size_t>());
  options.max_tables = vm["max-tables"].as<std::size_t>();
  options.header_timeout_seconds = std::max(1, vm["header-timeout-seconds"].as<int>());
  options.body_timeout_seconds = std::max(1, vm["body-timeout-seconds"].as<int>());
  options.min_body_bytes_per_second = std::max<std::size_t>(1, vm["min-body-rate"].as<std::size_t>());
  options.idle_timeout_seconds = std::max(1, vm["idle-timeout-seconds"].as<int>());
  options.max_body_bytes_in_flight = std::max<std::size_t>(1, vm["max-body-bytes-in-flight"].as<std::size_t>());
  if (vm.count("cors")) options.cors_origins = cors_origins(vm["cors"].as<std::string>());
  if (vm.count("tls-cert") != vm.count("tls-key")) {
    std::cerr << "eddy: --tls-cert and --tls-key go together\n";
    return 2;
  }
  if (vm.count("tls-cert")) {
    options.tls_certificate_file = vm["tls-cert"].as<std::string>();
    options.tls_private_key_file = vm["tls-key"].as<std::string>();
  }
  if (std::string error; !read_credentials(vm, options, error)) {
    std::cerr << "eddy: " << error << "\n";
    return 2;
  }
  if (std::string clock = vm["clock"].as<std::string>(); clock == "virtual") {
    options.clock = std::make_shared<eddy::ManualClock>();
  } else if (clock != "wall") {
    std::cerr << "eddy: --clock must be wall or virtual\n";
    return 2;
  }
  options.admin = vm.count("admin") > 0;
  options.delay_transient_statuses = vm.count("delayTransientStatuses") > 0;
  // DynamoDB Local's command line without -sharedDb keeps tables by access key and region, as
  // DynamoDB Local does; --namespace says it outright.
  if (dynamodb_local_style && !vm.count("sharedDb")) options.namespaces = eddy::TableNamespaces::kAccessKeyRegion;
  if (vm.count("namespace")) {
    std::string mode = vm["namespace"].as<std::string>();
    if (mode != "shared" && mode != "access-key-region") {
      std::cerr << "eddy: --namespace must be shared or access-key-region\n";
      return 2;
    }
    options.namespaces = mode == "shared" ? eddy::TableNamespaces::kShared : eddy::TableNamespaces::kAccessKeyRegion;
  }
  options.sync_writes = vm.count("sync-writes") > 0;
  options.stream_shards = std::max<std::size_t>(1, vm["stream-shards"].as<std::size_t>());
  options.shard_rollover_seconds = vm["shard-rollover-seconds"].as<double>();
  options.stream_retention_seconds = vm["stream-retention-seconds"].as<double>();
  options.ttl_sweep_interval_seconds = vm["ttl-sweep-interval-seconds"].as<double>();
  if (vm.count("s3-dir")) options.s3_dir = vm["s3-dir"].as<std::string>();
  options.pitr_window_seconds = vm["pitr-window-seconds"].as<double>();
  options.pause_transfers_after_items = vm["pause-transfers-after-items"].as<uint64_t>();
  if (vm.count("item-collection-limit-bytes")) {
    options.item_collection_limit_bytes = vm["item-collection-limit-bytes"].as<int64_t>();
  }
  if (vm.count("lambda-endpoint")) options.lambda_endpoint = vm["lambda-endpoint"].as<std::string>();
  if (vm.count("event-source-mappings"))
    options.event_source_mappings_file = vm["event-source-mappings"].as<std::string>();
  if (vm.count("init")) options.init_paths = vm["init"].as<std::vector<std::string>>();
  if (vm.count("init-param")) {
    for (const auto& pair : vm["init-param"].as<std::vector<std::string>>()) {
      std::size_t equals = pair.find('=');
      if (equals == std::string::npos || equals == 0) {
        std::cerr << "eddy: --init-param takes NAME=VALUE, not " << pair << "\n";
        return 2;
      }
      options.init_parameters[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
  }
  options.lambda_timeout_seconds = vm["lambda-timeout-seconds"].as<double>();
  options.trigger_retry_seconds = vm["trigger-retry-seconds"].as<double>();
  options.log_level = vm["log-level"].as<std::string>();
  auto log_format = eddy::server::parse_log_format(vm["log-format"].as<std::string>());
  if (!log_format) {
    std::cerr << "eddy: --log-format must be text or json\n";
    return 2;
  }
  eddy::server::configure_logging(options.log_level, *log_format);

  // Signals are taken by one thread with sigwait, so that stopping never runs inside a handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  eddy::Server server(options);
  std::string error;
  if (!server.start(error)) {
    spdlog::error("eddy cannot start: {}", error);
    return 1;
  }
  eddy::server::log_start_banner(options, server.port());

  std::thread signal_waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    spdlog::info("eddy stopping (signal {})", received);
    server.stop();
  });
  server.run();
  // run() returns once stop() was called by the signal thread; join it.
  signal_waiter.join();
  spdlog::info("eddy stopped");
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eddy: " << e.what() << "\n";
  return 1;
} catch (...) {
  std::cerr << "eddy: an unknown error\n";
  return 1;
}
