// Streams's background side: loading the persisted streams at start, shard rollover, and
// retention (trimming records, forgetting old shards and streams). Disk use stays bounded under
// a steady write load because every record older than the retention period is deleted.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "model/result.h"
#include "streams/streams.h"

namespace eddy::streams {

Result<void> Streams::load() {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  EDDY_TRY(auto descriptors, log_.stream_descriptors());
  for (const auto& descriptor : descriptors) {
    auto stream = decode_stream(descriptor);
    if (!stream) return fail(ApiError::internal("corrupt stream descriptor in the data folder"));
    EDDY_TRY(auto shards, log_.shard_descriptors(stream->id));
    for (const auto& shard_descriptor : shards) {
      auto shard = decode_shard(shard_descriptor);
      if (!shard) return fail(ApiError::internal("corrupt shard descriptor in the data folder"));
      stream->shards.push_back(std::move(*shard));
    }
    EDDY_TRY_VOID(recover_positions(*stream));
    add_live_locked(std::move(*stream));
  }
  reconcile_locked();
  return {};
}

// The last sequence of each shard comes from its stored records; a closed shard whose last
// records were never committed (a crash between closing and their write) ends at what was stored.
Result<void> Streams::recover_positions(Stream& stream) {
  std::sort(stream.shards.begin(), stream.shards.end(),
            [](const Shard& a, const Shard& b) { return a.number < b.number; });
  for (auto& shard : stream.shards) {
    EDDY_TRY(uint64_t stored, log_.last_sequence(stream.id, shard.number));
    uint64_t floor = std::max(shard.starting_sequence, shard.trim_horizon - 1);
    if (!shard.closed) {
      shard.last_sequence = std::max(floor, stored);
    } else if (stored != 0 && stored < shard.last_sequence) {
      shard.last_sequence = stored;
    } else if (stored == 0 && shard.last_sequence > floor) {
      shard.last_sequence = floor;
    }
    stream.next_sequence = std::max({stream.next_sequence, shard.last_sequence + 1, shard.trim_horizon + 1});
    stream.next_shard_number = std::max(stream.next_shard_number, shard.number + 1);
  }
  return {};
}

void Streams::maintain() {
  {
    std::lock_guard<std::shared_mutex> lock(mutex_);
    reconcile_locked();
  }
  rollover();
  trim();
}

void Streams::rollover() {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  double now = clock_.now();
  auto due = [&](const Shard& shard) { return shard.created_at + options_.rollover_seconds <= now; };
  for (auto& [id, live] : streams_) {
    Stream& stream = live.stream;
    if (!stream.enabled) continue;
    engine::StreamLog::Changes changes;
    roll_over_locked(stream, now, due, changes);
    if (!changes.empty()) write_changes(stream, changes, "cannot roll over shards");
  }
}

Streams::ShardEvent Streams::roll_over_locked(Stream& stream, double now, const std::function<bool(const Shard&)>& due,
                                              engine::StreamLog::Changes& changes) {
  ShardEvent event;
  std::size_t existing = stream.shards.size();  // not the children added below
  for (std::size_t i = 0; i < existing; ++i) {
    Shard& open = stream.shards[i];
    if (open.closed || !due(open)) continue;
    open.closed = true;
    open.closed_at = now;
    changes.put_shard(stream.id, open.number, encode_shard(open));
    // Copied first: add_shard_locked may move the shards.
    std::string parent = open.shard_id;
    uint32_t lineage = open.lineage, low = open.hash_low, high = open.hash_high;
    event.closed.push_back(parent);
    event.opened.push_back(add_shard_locked(stream, lineage, parent, now, changes, low, high).shard_id);
  }
  return event;
}

void Streams::trim() {
  double now = clock_.now();
  double cutoff = now - options_.retention_seconds;
  struct Work {
    uint64_t stream_id;
    Shard shard;
    bool remove;
  };
  std::vector<Work> shards_to_trim;
  std::vector<Stream> streams_to_drop;
  {
    std::lock_guard<std::shared_mutex> lock(mutex_);
    for (auto it = streams_.begin(); it != streams_.end();) {
      Stream& stream = it->second.stream;
      if (!stream.enabled && stream.disabled_at <= cutoff) {
        streams_to_drop.push_back(std::move(stream));
        it = streams_.erase(it);
        continue;
      }
      for (auto shard = stream.shards.begin(); shard != stream.shards.end();) {
        if (shard->closed && shard->closed_at <= cutoff) {
          // Every record of the shard is older than the retention: the shard goes, as on AWS.
          shards_to_trim.push_back({stream.id, *shard, true});
          shard = stream.shards.erase(shard);
          continue;
        }
        shards_to_trim.push_back({stream.id, *shard, false});
        ++shard;
      }
      ++it;
    }
  }
  for (const auto& stream : streams_to_drop) drop_stream(stream);
  for (const auto& work : shards_to_trim) {
    if (auto trimmed = trim_shard(work.stream_id, work.shard, static_cast<uint64_t>(cutoff * 1000), work.remove);
        !trimmed) {
      spdlog::error("stream {}: cannot trim shard {}: {}", work.stream_id, work.shard.shard_id,
                    trimmed.error().message);
    }
  }
}

// Deletes the shard's records created before cutoff_ms (all of them, and its descriptor, when
// `removed_shard`). The trim horizon moves (and is persisted) before the records go, so a reader
// never silently skips a record being trimmed.
Result<void> Streams::trim_shard(uint64_t stream_id, const Shard& shard, uint64_t cutoff_ms, bool removed_shard) {
  uint64_t up_to = removed_shard ? UINT64_MAX : 0;
  if (!removed_shard) {
    EDDY_TRY_VOID(
        log_.read_records(stream_id, shard.number, 0, UINT64_MAX, [&](const engine::StreamLog::Record& record) {
          if (record.created_ms >= cutoff_ms) return false;
          up_to = record.sequence;
          return true;
        }));
    if (up_to == 0) return {};
    std::lock_guard<std::shared_mutex> lock(mutex_);
    auto stream = streams_.find(stream_id);
    if (stream == streams_.end()) return {};
    for (auto& live : stream->second.stream.shards) {
      if (live.number != shard.number) continue;
      live.trim_horizon = std::max(live.trim_horizon, up_to + 1);
      persist(stream->second.stream, &live);
    }
  }
  EDDY_TRY_VOID(log_.remove_records(stream_id, shard.number, up_to));
  if (!removed_shard) return {};
  engine::StreamLog::Changes changes;
  changes.remove_shard(stream_id, shard.number);
  return log_.write(changes);
}

void Streams::drop_stream(const Stream& stream) {
  for (const auto& shard : stream.shards) {
    if (auto trimmed = trim_shard(stream.id, shard, UINT64_MAX, true); !trimmed) {
      spdlog::error("stream {}: cannot drop shard {}: {}", stream.arn, shard.shard_id, trimmed.error().message);
      return;  // the descriptor stays, so the next start still knows of the records left
    }
  }
  engine::StreamLog::Changes changes;
  changes.remove_stream(stream.id);
  write_changes(stream, changes, "cannot drop");
}

}  // namespace eddy::streams
