// eddy's public API: ServerOptions and Server, used by main.cc and by in-process tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "eddy/clock.h"

namespace rocksdb {
class FileSystem;
}  // namespace rocksdb

namespace eddy {

inline constexpr const char* kVersion = "0.1.0";

// Which tables a request sees (docs/namespaces.md). Do not renumber.
enum class TableNamespaces {
  kShared,           // every access key and region sees the same tables (DynamoDB Local's -sharedDb)
  kAccessKeyRegion,  // one set of tables per access key id and region, as DynamoDB Local without -sharedDb
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8000;  // 0 picks a free port
  std::string data_dir = "./eddy-data";
  bool in_memory = false;   // keep nothing on disk
  std::size_t threads = 0;  // Default: 0 = one per core
  // CORS is always on, as on AWS; these origins only, when any are named (DynamoDB Local's -cors).
  std::vector<std::string> cors_origins;  // Default: empty = every origin
  // Access key id -> secret access key. Default: empty = any well-formed SigV4 header is accepted;
  // otherwise every request's signature is verified against these (docs/http.md).
  std::map<std::string, std::string> credentials;
  // Both set: serve HTTPS only, with this PEM certificate chain and private key. Default: HTTP.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  // Serve the admin API (/eddy/v1/..., docs/test-controls.md) also when `host` is not a loopback
  // address. Default: false: on loopback only.
  bool admin = false;
  bool delay_transient_statuses = false;
  // Default: kShared. kAccessKeyRegion keeps each access key and region's tables (and their
  // streams) in a database of their own, data_dir/namespaces/<access key>_<region>.
  TableNamespaces namespaces = TableNamespaces::kShared;
  bool sync_writes = false;  // fsync the WAL on every write
  // Bounded resources under hostile load (docs/reliability.md, "Bounded resources").
  std::size_t max_connections = 10000;  // Default: 10,000 (fewer if the open-file limit is lower)
  int header_timeout_seconds = 20;      // Default: 20 s from a request's first byte to its last header
  // Default: 30 s from a request's first byte to its body's end, plus a second per
  // min_body_bytes_per_second received (a slower client is disconnected).
  int body_timeout_seconds = 30;
  std::size_t min_body_bytes_per_second = 16u << 10;  // Default: 16 KiB/s
  int idle_timeout_seconds = 60;                      // Default: 60 s of silence between requests
  // Bytes of request bodies read and handled at once; past it ThrottlingException. Default: 1 GiB.
  std::size_t max_body_bytes_in_flight = std::size_t{1} << 30;
  // Tables at most (LimitExceededException past it). Default: 2,500, DynamoDB's account quota per
  // region.
  std::size_t max_tables = 2500;
  std::string log_level = "info";
  // Streams (see docs/streams.md).
  std::size_t stream_shards = 4;                // shards per stream
  double shard_rollover_seconds = 4 * 3600;     // a shard is closed and continued by a child after this
  double stream_retention_seconds = 24 * 3600;  // records older than this are trimmed
  // The most bytes one item collection of a table with local secondary indexes may hold
  // (ItemCollectionSizeLimitExceededException past it). Default: 10 GB, DynamoDB's limit.
  int64_t item_collection_limit_bytes = int64_t{10} * 1024 * 1024 * 1024;
  // TTL (see docs/streams.md).
  double ttl_sweep_interval_seconds = 5;
  // Point-in-time recovery (docs/backups.md): when positive, every PITR-enabled table keeps this
  // many seconds of changes instead of its RecoveryPeriodInDays (a test's short window). Default: 0.
  double pitr_window_seconds = 0;
  // For tests of restores, imports and exports in progress or cut short (docs/backups.md): when
  // positive, each one runs on the export/import thread and waits after this many items until the
  // server stops. Default: 0, never.
  uint64_t pause_transfers_after_items = 0;
  // Triggers: Lambda-style event source mappings (see docs/triggers.md).
  // Lambda's Invoke API (POST <url>/2015-03-31/functions/<name>/invocations) for mappings whose
  // FunctionName is a function's name or ARN, e.g. a Runtime Interface Emulator. Default: none.
  std::string lambda_endpoint;
  // A JSON list of CreateEventSourceMapping requests, created at start. Default: none.
  std::string event_source_mappings_file;
  // --init: files and folders of table definitions and items, applied at start (docs/init.md).
  // Default: none.
  std::vector<std::string> init_paths;
  // --init-param K=V: template parameters (and pseudo parameters) for init_paths. Default: none.
  std::map<std::string, std::string> init_parameters;
  double lambda_timeout_seconds = 300;  // one invocation at most
  double trigger_retry_seconds = 1;     // a failed batch's first retry waits this long; doubling, up to 60 s
  // Exports and imports (docs/export-import.md): S3 bucket B is the folder <s3_dir>/B. Default: empty:
  // ExportTableToPointInTime and ImportTable answer a ValidationException saying so.
  std::string s3_dir;
  // What every time-dependent part of the server reads (eddy/clock.h). Moving it wakes the TTL
  // sweeper and the stream maintenance at once. Default: a WallClock; nullptr means the same.
  std::shared_ptr<Clock> clock = std::make_shared<WallClock>();
  // Default: null (the operating system's). The storage-fault tests hand a file system that fails
  // on demand (tests/unit/engine/fault_injection.h); ignored with in_memory.
  std::shared_ptr<rocksdb::FileSystem> storage_file_system;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the port, opens storage and starts the background tasks (TTL sweeper, stream
  // maintenance). Returns false with `error` set (data folder in use, port taken...).
  bool start(std::string& error);
  unsigned short port() const;
  // Serves until stop(); then finishes in-flight requests and flushes storage.
  void run();
  // Thread-safe; may be called from a signal-handling thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eddy
