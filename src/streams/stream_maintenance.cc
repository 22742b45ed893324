// StreamService's background side: loading the persisted streams at start, shard rollover, and
// retention (trimming records, forgetting old shards and streams). Disk use stays bounded under
// a steady write load because every record older than the retention period is deleted.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "streams/stream_keys.h"
#include "streams/stream_service.h"

namespace eddy::streams {

Result<void> StreamService::load() {
  auto& storage = database_.storage();
  std::lock_guard<std::mutex> lock(mutex_);
  auto cursor = storage.cursor(stream_keys_begin(), stream_keys_end());
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    auto stream = decode_stream(cursor->value());
    if (!stream) return fail(ApiError::internal("corrupt stream descriptor in the data folder"));
    auto shards = storage.cursor(shard_keys_begin(stream->id), shard_keys_end(stream->id));
    for (shards->seek_to_first(); shards->valid(); shards->next()) {
      auto shard = decode_shard(shards->value());
      if (!shard) return fail(ApiError::internal("corrupt shard descriptor in the data folder"));
      stream->shards.push_back(std::move(*shard));
    }
    recover_positions(*stream);
    uint64_t id = stream->id;
    streams_[id] = std::move(*stream);
  }
  reconcile_locked();
  return {};
}

// The last sequence of each shard comes from its stored records; a closed shard whose last
// records were never committed (a crash between closing and their write) ends at what was stored.
void StreamService::recover_positions(Stream& stream) {
  std::sort(stream.shards.begin(), stream.shards.end(),
            [](const Shard& a, const Shard& b) { return a.number < b.number; });
  for (auto& shard : stream.shards) {
    auto cursor = database_.storage().cursor(record_keys_begin(stream.id, shard.number),
                                             record_keys_end(stream.id, shard.number));
    cursor->seek_to_last();
    uint64_t stored = cursor->valid() ? record_key_sequence(cursor->key()) : 0;
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
}

void StreamService::maintain() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    reconcile_locked();
  }
  rollover();
  trim();
}

void StreamService::rollover() {
  std::lock_guard<std::mutex> lock(mutex_);
  double now = clock_.now();
  for (auto& [id, stream] : streams_) {
    if (!stream.enabled) continue;
    engine::WriteSet writes;
    for (uint32_t lineage = 0; lineage < stream.lineages; ++lineage) {
      Shard* open = stream.open_shard(lineage);
      if (open == nullptr || open->created_at + options_.rollover_seconds > now) continue;
      open->closed = true;
      open->closed_at = now;
      writes.put(shard_key(stream.id, open->number), encode_shard(*open));
      std::string parent = open->shard_id;  // add_shard_locked may reallocate the vector
      add_shard_locked(stream, lineage, parent, now, writes);
    }
    if (writes.empty()) continue;
    if (auto written = database_.storage().write(writes); !written) {
      spdlog::error("stream {}: cannot roll over shards: {}", stream.arn, written.error().message);
    }
  }
}

void StreamService::trim() {
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
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = streams_.begin(); it != streams_.end();) {
      Stream& stream = it->second;
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
  for (const auto& work : shards_to_trim) trim_shard(work.stream_id, work.shard, static_cast<uint64_t>(cutoff * 1000), work.remove);
}

// Deletes the shard's records created before cutoff_ms (all of them, and its descriptor, when
// `removed_shard`). The trim horizon moves (and is persisted) before the records go, so a reader
// never silently skips a record being trimmed.
void StreamService::trim_shard(uint64_t stream_id, const Shard& shard, uint64_t cutoff_ms, bool removed_shard) {
  auto& storage = database_.storage();
  auto cursor = storage.cursor(record_keys_begin(stream_id, shard.number), record_keys_end(stream_id, shard.number));
  uint64_t horizon = shard.trim_horizon;
  std::vector<std::string> doomed;
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    if (!removed_shard && record_value_created_ms(cursor->value()) >= cutoff_ms) break;
    doomed.emplace_back(cursor->key());
    horizon = std::max(horizon, record_key_sequence(cursor->key()) + 1);
  }
  if (doomed.empty() && !removed_shard) return;
  if (!removed_shard) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stream = streams_.find(stream_id);
    if (stream == streams_.end()) return;
    for (auto& live : stream->second.shards) {
      if (live.number != shard.number) continue;
      live.trim_horizon = std::max(live.trim_horizon, horizon);
      persist(stream->second, &live);
    }
  }
  engine::WriteSet writes;
  std::size_t pending = 0;
  for (const auto& key : doomed) {
    writes.remove(key);
    if (++pending == 1000) {
      (void)storage.write(writes);
      writes = engine::WriteSet();
      pending = 0;
    }
  }
  if (removed_shard) writes.remove(shard_key(stream_id, shard.number));
  (void)storage.write(writes);
}

void StreamService::drop_stream(const Stream& stream) {
  for (const auto& shard : stream.shards) {
    trim_shard(stream.id, shard, UINT64_MAX, true);
  }
  engine::WriteSet writes;
  writes.remove(stream_key(stream.id));
  (void)database_.storage().write(writes);
}

}  // namespace eddy::streams
