// Streams's test controls, for the admin API (docs/test-controls.md): a rollover or a shard
// split on demand, emptying a table's streams for a truncate, counting committed records for
// waits, and reloading the state after a restore or reset.
#include <algorithm>

#include "model/result.h"
#include "streams/streams.h"

namespace eddy::streams {
namespace {

ApiError no_enabled_stream(const std::string& table_name) {
  return ApiError::not_found("Table " + table_name + " has no enabled stream");
}

}  // namespace

Stream* Streams::enabled_stream_locked(const std::string& table_name) {
  reconcile_locked();
  for (auto& [id, live] : streams_) {
    if (live.stream.enabled && live.stream.table_name == table_name) return &live.stream;
  }
  return nullptr;
}

Result<Streams::ShardEvent> Streams::force_rollover(const std::string& table_name) {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  Stream* stream = enabled_stream_locked(table_name);
  if (stream == nullptr) return fail(no_enabled_stream(table_name));
  engine::StreamLog::Changes changes;
  ShardEvent event = roll_over_locked(
      *stream, clock_.now(), [](const Shard&) { return true; }, changes);
  if (auto written = log_.write(changes); !written) return fail(written.error());
  return event;
}

Result<Streams::ShardEvent> Streams::split_shard(const std::string& table_name,
                                                 const std::optional<std::string>& shard_id) {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  Stream* stream = enabled_stream_locked(table_name);
  if (stream == nullptr) return fail(no_enabled_stream(table_name));
  Shard* shard = nullptr;
  if (shard_id) {
    shard = stream->find_shard(*shard_id);
    if (shard == nullptr) return fail(ApiError::not_found("Requested resource not found: Shard does not exist"));
    if (shard->closed) return validation_error("Shard " + *shard_id + " is closed; only an open shard can be split");
  } else {
    auto open = std::find_if(stream->shards.begin(), stream->shards.end(), [](const Shard& s) { return !s.closed; });
    if (open == stream->shards.end()) return fail(no_enabled_stream(table_name));
    shard = &*open;
  }
  if (shard->hash_low == shard->hash_high) {
    return validation_error("Shard " + shard->shard_id + " covers a single partition hash and cannot be split");
  }
  double now = clock_.now();
  shard->closed = true;
  shard->closed_at = now;
  engine::StreamLog::Changes changes;
  changes.put_shard(stream->id, shard->number, encode_shard(*shard));
  // Copied first: add_shard_locked may move the shards.
  std::string parent = shard->shard_id;
  uint32_t lineage = shard->lineage, low = shard->hash_low, high = shard->hash_high;
  uint32_t middle = low + (high - low) / 2;
  ShardEvent event;
  event.closed.push_back(parent);
  event.opened.push_back(add_shard_locked(*stream, lineage, parent, now, changes, low, middle).shard_id);
  event.opened.push_back(add_shard_locked(*stream, lineage, parent, now, changes, middle + 1, high).shard_id);
  if (auto written = log_.write(changes); !written) return fail(written.error());
  return event;
}

Result<void> Streams::truncate(const std::string& table_name) {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  for (auto& [id, live] : streams_) {
    Stream& stream = live.stream;
    if (stream.table_name != table_name) continue;
    engine::StreamLog::Changes changes;
    for (auto& shard : stream.shards) {
      // The horizon moves before the records go (as trim_shard does), so that a reader behind it
      // is told TrimmedDataAccessException instead of missing records silently.
      shard.trim_horizon = std::max(shard.trim_horizon, shard.last_sequence + 1);
      changes.put_shard(stream.id, shard.number, encode_shard(shard));
    }
    if (auto written = log_.write(changes); !written) return fail(written.error());
    for (const auto& shard : stream.shards) {
      EDDY_TRY_VOID(log_.remove_all_records(stream.id, shard.number));
    }
  }
  return {};
}

uint64_t Streams::committed_records(std::string_view table_name) {
  std::shared_lock<std::shared_mutex> shared(mutex_);
  auto found = committed_.find(table_name);
  return found == committed_.end() ? 0 : found->second->load(std::memory_order_acquire);
}

Result<void> Streams::reload() {
  {
    std::lock_guard<std::shared_mutex> lock(mutex_);
    streams_.clear();
    committed_.clear();
  }
  return load();
}

}  // namespace eddy::streams
