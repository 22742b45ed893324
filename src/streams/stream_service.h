// StreamService: DynamoDB Streams inside eddy. It is the engine's ChangeObserver (change capture:
// every committed item change of a table with an enabled stream becomes one record in the same
// RocksDB write), it keeps the streams' shard state, and it answers the Streams API operations
// (ops/list_streams.cc, describe_stream.cc, get_shard_iterator.cc, get_records.cc).
// See docs/streams.md for the shard model and the settings.
//
// Locking: `commit_mutex_` is held from the moment a record gets its sequence number until its
// write is done, so that within the stream sequence order equals commit order and a reader that
// has seen sequence N never later finds a smaller one appear. `mutex_` guards the in-memory state
// and is only held briefly; it is always taken after commit_mutex_, never before.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/database.h"
#include "model/api_error.h"
#include "model/clock.h"
#include "streams/shard_iterator.h"
#include "streams/stream_state.h"

namespace eddy::streams {

struct StreamOptions {
  std::size_t shards = 4;                    // Default: 4 shard lineages per stream.
  double rollover_seconds = 4 * 3600;        // Default: 4 hours, as DynamoDB.
  double retention_seconds = 24 * 3600;      // Default: 24 hours, as DynamoDB.
};

inline constexpr double kIteratorLifetimeSeconds = 15 * 60;
inline constexpr std::size_t kMaxRecordsBytes = 1 << 20;

struct StreamSummary {
  std::string arn;
  std::string table_name;
  std::string label;
};

enum class IteratorType { kTrimHorizon, kLatest, kAtSequenceNumber, kAfterSequenceNumber };

// What GetRecords read; the records themselves went into the caller's buffer.
struct RecordsPage {
  std::size_t count = 0;
  std::optional<std::string> next_iterator;  // absent once a closed shard is fully read
};

class StreamService : public engine::ChangeObserver {
 public:
  StreamService(engine::Database& database, const Clock& clock, StreamOptions options);

  // Reads the persisted streams (at start, before requests).
  Result<void> load();
  void on_change(const engine::ItemChange& change, engine::CommitContext& context) override;

  // Every stream (of one table when `table_name` is set), newest first.
  std::vector<StreamSummary> list_streams(const std::optional<std::string>& table_name);
  // A copy of the stream (shards sorted by ShardId), or ResourceNotFoundException.
  Result<Stream> describe_stream(const std::string& arn);
  Result<std::string> get_shard_iterator(const std::string& arn, const std::string& shard_id, IteratorType type,
                                         const std::optional<std::string>& sequence_number);
  // Appends up to `limit` records (at most 1 MB) to `records_json` as comma-separated JSON objects
  // in sequence order: each is copied once, straight from its stored bytes.
  Result<RecordsPage> get_records(const std::string& iterator_text, std::size_t limit, std::string& records_json);

  // Background work: closes shards due for rollover, trims records past retention, forgets
  // streams disabled longer than the retention period. Returns when done.
  void maintain();

 private:
  Stream* find_locked(const std::string& arn);
  Stream* stream_for_table_locked(const TableDefinition& table);
  Stream& create_locked(const TableDefinition& table);
  void disable_locked(Stream& stream, double now);
  // Disables the stream when its table's StreamSpecification no longer names it.
  void reconcile_stream_locked(Stream& stream);
  void reconcile_locked();
  Shard& add_shard_locked(Stream& stream, uint32_t lineage, const std::string& parent, double now,
                          engine::WriteSet& writes);
  void rollover();
  void trim();
  void trim_shard(uint64_t stream_id, const Shard& shard, uint64_t cutoff_ms, bool removed_shard);
  void drop_stream(const Stream& stream);
  void recover_positions(Stream& stream);
  void persist(const Stream& stream, const Shard* only_shard);

  engine::Database& database_;
  const Clock& clock_;
  StreamOptions options_;
  std::mutex commit_mutex_;
  std::mutex mutex_;
  std::map<uint64_t, Stream> streams_;  // by internal id
};

}  // namespace eddy::streams
