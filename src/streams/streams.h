// Streams: DynamoDB Streams inside eddy. It is the engine's ChangeObserver (change capture:
// every committed item change of a table with an enabled stream becomes one record in the same
// RocksDB write), it keeps the streams' shard state, and it answers the Streams API operations
// (ops/list_streams.cc, describe_stream.cc, get_shard_iterator.cc, get_records.cc).
// See docs/streams.md for the shard model and the settings.
//
// Locking: no lock is held across a write. `mutex_` is taken exclusively by everything that changes
// which streams and shards exist or their state (reconciliation with the catalog, rollover,
// retention, ListStreams/DescribeStream/GetShardIterator, which reconcile first), and shared on the
// write path and by GetRecords, which then take the stream's own `sequencing` mutex for a moment
// (it guards next_sequence, last_sequence and pending); writers of different streams (tables)
// share nothing else.
// Within a shard, sequence order equals the order in which records become readable, because a
// record's sequence stays pending until its write is over (stream_state.h, Shard::pending).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/database.h"
#include "model/api_error.h"
#include "model/clock.h"
#include "streams/shard_iterator.h"
#include "streams/stream_state.h"

namespace eddy::streams {

struct StreamOptions {
  std::size_t shards = 4;                // Default: 4 shard lineages per stream.
  double rollover_seconds = 4 * 3600;    // Default: 4 hours, as DynamoDB.
  double retention_seconds = 24 * 3600;  // Default: 24 hours, as DynamoDB.
};

inline constexpr double kIteratorLifetimeSeconds = 15 * 60;
inline constexpr std::size_t kMaxRecordsBytes = 1 << 20;

struct StreamSummary {
  std::string arn;
  std::string table_name;
  std::string label;
};

enum class IteratorType { kTrimHorizon, kLatest, kAtSequenceNumber, kAfterSequenceNumber };

// What a consumer inside eddy (triggers/) read of one shard with Streams::read_shard.
struct ShardRead {
  uint64_t position = 0;  // the last sequence visited, or where reading resumed
  bool finished = false;  // the shard is closed and was read to its end
  bool trimmed = false;   // records after `after` were trimmed away: reading resumed at the horizon
  bool gone = false;      // the shard (or its stream) no longer exists: nothing more to read
};

// What GetRecords read; the records themselves went into the caller's buffer.
struct RecordsPage {
  std::size_t count = 0;
  std::optional<std::string> next_iterator;  // absent once a closed shard is fully read
};

class Streams : public engine::ChangeObserver {
 public:
  Streams(engine::Database& database, const Clock& clock, StreamOptions options);

  // Reads the persisted streams (at start, before requests).
  Result<void> load();
  // Adds the change's record to its commit; an error (the stream cannot be created) fails the write.
  Result<void> on_change(const engine::ItemChange& change, engine::CommitContext& context) override;

  // Every stream (of one table when `table_name` is set), newest first.
  std::vector<StreamSummary> list_streams(const std::optional<std::string>& table_name);
  // A copy of the stream (shards sorted by ShardId), or ResourceNotFoundException.
  Result<Stream> describe_stream(const std::string& arn);
  Result<std::string> get_shard_iterator(const std::string& arn, const std::string& shard_id, IteratorType type,
                                         const std::optional<std::string>& sequence_number);
  // Appends up to `limit` records (at most 1 MB) to `records_json` as comma-separated JSON objects
  // in sequence order: each is copied once, straight from its stored bytes.
  Result<RecordsPage> get_records(const std::string& iterator_text, std::size_t limit, std::string& records_json);

  // For consumers inside eddy (triggers/), which hold positions instead of iterators: visits up to
  // `limit` records of the shard with a sequence above `after`, in sequence order, no further than
  // GetRecords would (readers never see a smaller sequence appear behind one they have read).
  Result<ShardRead> read_shard(uint64_t stream_id, uint32_t shard_number, uint64_t after, std::size_t limit,
                               const std::function<void(const engine::StreamLog::Record&)>& visit);
  // Called after each record's write is over (committed or not), on the writer's thread, so that
  // consumers wake up instead of polling. Must be quick. Set once, before the first write.
  void set_record_listener(std::function<void()> listener) { record_listener_ = std::move(listener); }

  // Background work: closes shards due for rollover, trims records past retention, forgets
  // streams disabled longer than the retention period. Returns when done.
  void maintain();

  // Test controls (the admin API, docs/test-controls.md); stream_controls.cc.
  struct ShardEvent {
    std::vector<std::string> closed;  // ShardIds
    std::vector<std::string> opened;
  };
  // Closes every open shard of the table's enabled stream now, each continued by a child as at a
  // scheduled rollover. ResourceNotFoundException when the table has no enabled stream.
  Result<ShardEvent> force_rollover(const std::string& table_name);
  // Closes one open shard (Default: the oldest open one) and opens two children that split its
  // range of partition hashes in halves. ValidationException for a closed shard or one too narrow.
  Result<ShardEvent> split_shard(const std::string& table_name, const std::optional<std::string>& shard_id);
  // Deletes every record of the table's streams; shards stay, their trim horizons move past their
  // last records. For a truncate, with no write in flight.
  Result<void> truncate(const std::string& table_name);
  // Records committed to the table's streams since eddy started or the stream state was reloaded.
  uint64_t committed_records(std::string_view table_name);
  // `listener` is called after each committed record while watch(true) is in force; it must be
  // quick and must not call into the Streams. Set before requests are served.
  void set_commit_listener(std::function<void()> listener) { commit_listener_ = std::move(listener); }
  void watch(bool watching) { watching_.store(watching, std::memory_order_release); }
  // Forgets the state in memory and reads it again from storage (after a restore or reset, with
  // no request in flight).
  Result<void> reload();

 private:
  // A stream and what orders its sequence numbers. Nodes of streams_ never move.
  struct LiveStream {
    Stream stream;
    std::mutex sequencing;  // next_sequence, last_sequence and pending, on the shared write path
    std::shared_ptr<std::atomic<uint64_t>> committed;  // the table's committed records, shared by its streams
  };
  // Where one record goes, handed out by assign_sequence_locked.
  struct RecordSlot {
    uint64_t stream_id = 0;
    uint32_t shard_number = 0;
    uint64_t sequence = 0;
  };

  // What GetRecords needs of a shard, copied under the locks.
  struct ShardBounds {
    bool closed = false;
    uint64_t starting_sequence = 0;
    uint64_t last_sequence = 0;
    uint64_t visible = 0;  // Shard::visible_sequence()
  };
  // The bounds of the iterator's shard: ResourceNotFoundException for an unknown stream,
  // TrimmedDataAccessException for a shard gone or an iterator below its trim horizon.
  Result<ShardBounds> shard_bounds(const ShardIterator& it);

  Stream* find_locked(const std::string& arn);
  LiveStream* live_stream_locked(const std::string& arn, uint64_t table_id);
  // The table's current stream (created, and persisted, if new); nullptr when the stream of that
  // label belongs to an earlier table of the same name.
  Result<Stream*> stream_for_table_locked(const TableDefinition& table);
  Result<Stream*> create_locked(const TableDefinition& table);
  // Gives a record of the partition with `hash` the next sequence of its lineage's open shard and
  // holds it pending; nullopt when the stream is disabled or the lineage has no open shard.
  std::optional<RecordSlot> assign_sequence_locked(LiveStream& live, uint32_t hash);
  // The record's write is over (committed or not): its sequence no longer holds readers back.
  void finish_record(const RecordSlot& slot, bool committed);
  // A new entry of streams_, with the counter of its table.
  LiveStream& add_live_locked(Stream stream);
  // The table's enabled stream, after reconciling it with the catalog; nullptr when none.
  Stream* enabled_stream_locked(const std::string& table_name);
  // Closes the open shards `due` picks, each continued by a child of the same lineage and range;
  // the changes go into `changes`. Returns the closed and opened ShardIds.
  ShardEvent roll_over_locked(Stream& stream, double now, const std::function<bool(const Shard&)>& due,
                              engine::StreamLog::Changes& changes);
  void disable_locked(Stream& stream, double now);
  // Whether the stream is enabled though its table's StreamSpecification no longer names it.
  bool outdated_locked(const Stream& stream) const;
  // Disables the stream when it is outdated (exclusive lock).
  void reconcile_stream_locked(Stream& stream);
  void reconcile_locked();
  Shard& add_shard_locked(Stream& stream, uint32_t lineage, const std::string& parent, double now,
                          engine::StreamLog::Changes& changes, uint32_t hash_low = 0, uint32_t hash_high = UINT32_MAX);
  void rollover();
  void trim();
  Result<void> trim_shard(uint64_t stream_id, const Shard& shard, uint64_t cutoff_ms, bool removed_shard);
  void drop_stream(const Stream& stream);
  Result<void> recover_positions(Stream& stream);
  void persist(const Stream& stream, const Shard* only_shard);
  void write_changes(const Stream& stream, engine::StreamLog::Changes& changes, const char* what);

  engine::Database& database_;
  engine::StreamLog& log_;
  const Clock& clock_;
  StreamOptions options_;
  std::shared_mutex mutex_;
  std::map<uint64_t, LiveStream> streams_;                                                // by internal id
  std::map<std::string, std::shared_ptr<std::atomic<uint64_t>>, std::less<>> committed_;  // by table name
  std::function<void()> commit_listener_;
  std::atomic<bool> watching_{false};
  std::function<void()> record_listener_;
};

}  // namespace eddy::streams
