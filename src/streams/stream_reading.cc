// Streams's read side: ListStreams, DescribeStream, GetShardIterator and GetRecords.
// GetRecords copies the shard's few bounds under the lock and then reads the stream log without
// it: records are immutable once written, and each holds its finished JSON.
#include <algorithm>
#include <cmath>
#include <ctime>

#include "model/errors.h"
#include "model/result.h"
#include "streams/sequence_number.h"
#include "streams/streams.h"

namespace eddy::streams {
namespace {

ApiError stream_not_found(const std::string& arn) {
  return errors::resource_not_found("Stream: " + arn + " not found");
}

ApiError trimmed() {
  return ApiError{
      ErrorCode::kTrimmedDataAccess, "The operation attempted to read past the oldest stream record in a shard.", {}};
}

// "Tue Nov 24 14:55:12 UTC 2026", the form the iterator-expiry message uses.
std::string expiry_time_text(double seconds) {
  auto time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%a %b %d %H:%M:%S UTC %Y", &utc);
  return text;
}

ApiError expired(uint64_t issued_ms, double now) {
  return ApiError{ErrorCode::kExpiredIterator,
                  "Iterator expired. The iterator was created at time " +
                      expiry_time_text(static_cast<double>(issued_ms) / 1000) + " while right now it is " +
                      expiry_time_text(now) + " which is further in the future than the tolerated delay of " +
                      std::to_string(static_cast<int64_t>(kIteratorLifetimeSeconds * 1000)) + " milliseconds.",
                  {}};
}

}  // namespace

std::vector<StreamSummary> Streams::list_streams(const std::optional<std::string>& table_name) {
  std::vector<std::pair<double, StreamSummary>> found;
  {
    std::lock_guard<std::shared_mutex> lock(mutex_);
    reconcile_locked();
    for (const auto& [id, live] : streams_) {
      const Stream& stream = live.stream;
      if (table_name && stream.table_name != *table_name) continue;
      found.push_back({stream.created_at, {stream.arn, stream.table_name, stream.label}});
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.arn < b.second.arn;
  });
  std::vector<StreamSummary> out;
  out.reserve(found.size());
  for (auto& [time, summary] : found) out.push_back(std::move(summary));
  return out;
}

Result<Stream> Streams::describe_stream(const std::string& arn) {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  reconcile_locked();
  Stream* stream = find_locked(arn);
  if (stream == nullptr) return fail(stream_not_found(arn));
  Stream copy = *stream;
  for (auto& shard : copy.shards) shard.pending.clear();
  std::sort(copy.shards.begin(), copy.shards.end(),
            [](const Shard& a, const Shard& b) { return a.shard_id < b.shard_id; });
  return copy;
}

Result<std::string> Streams::get_shard_iterator(const std::string& arn, const std::string& shard_id, IteratorType type,
                                                const std::optional<std::string>& sequence_number) {
  std::lock_guard<std::shared_mutex> lock(mutex_);
  reconcile_locked();
  Stream* stream = find_locked(arn);
  if (stream == nullptr) return fail(stream_not_found(arn));
  Shard* shard = stream->find_shard(shard_id);
  if (shard == nullptr) return fail(errors::resource_not_found("Shard does not exist"));
  ShardIterator it{arn, stream->id, shard->number, 0, static_cast<uint64_t>(clock_.now() * 1000)};
  switch (type) {
    case IteratorType::kTrimHorizon: it.position = shard->trim_horizon - 1; break;
    case IteratorType::kLatest: it.position = shard->last_sequence; break;
    case IteratorType::kAtSequenceNumber:
    case IteratorType::kAfterSequenceNumber: {
      auto sequence = parse_sequence_number(sequence_number.value_or(""));
      if (!sequence || *sequence < shard->starting_sequence || *sequence > shard->last_sequence) {
        return validation_error("Invalid SequenceNumber for the shard");
      }
      if (*sequence < shard->trim_horizon && *sequence != shard->starting_sequence) return fail(trimmed());
      it.position = type == IteratorType::kAtSequenceNumber ? *sequence - 1 : *sequence;
      if (it.position + 1 < shard->trim_horizon) it.position = shard->trim_horizon - 1;
      break;
    }
  }
  return encode_shard_iterator(it);
}

Result<Streams::ShardBounds> Streams::shard_bounds(const ShardIterator& it) {
  // Shared, so that GetRecords does not hold up writers; a stream whose table no longer names it
  // is first disabled under the exclusive lock (once per disabling).
  std::shared_lock<std::shared_mutex> shared(mutex_);
  auto found = streams_.find(it.stream_id);
  if (found != streams_.end() && outdated_locked(found->second.stream)) {
    shared.unlock();
    {
      std::lock_guard<std::shared_mutex> exclusive(mutex_);
      auto again = streams_.find(it.stream_id);
      if (again != streams_.end()) reconcile_stream_locked(again->second.stream);
    }
    shared.lock();
    found = streams_.find(it.stream_id);
  }
  if (found == streams_.end() || found->second.stream.arn != it.stream_arn)
    return fail(stream_not_found(it.stream_arn));
  std::lock_guard<std::mutex> order(found->second.sequencing);
  for (const auto& shard : found->second.stream.shards) {
    if (shard.number != it.shard_number) continue;
    if (it.position + 1 < shard.trim_horizon) break;
    return ShardBounds{shard.closed, shard.starting_sequence, shard.last_sequence, shard.visible_sequence()};
  }
  return fail(trimmed());
}

Result<RecordsPage> Streams::get_records(const std::string& iterator_text, std::size_t limit,
                                         std::string& records_json) {
  auto it = decode_shard_iterator(iterator_text);
  if (!it) return validation_error("Invalid ShardIterator");
  double now = clock_.now();
  if (now * 1000 - static_cast<double>(it->issued_ms) > kIteratorLifetimeSeconds * 1000) {
    return fail(expired(it->issued_ms, now));
  }
  EDDY_TRY(auto bounds, shard_bounds(*it));
  RecordsPage page;
  uint64_t position = it->position;
  std::size_t bytes = 0;
  // Records past `visible` may be committed already, but one below them is still being written:
  // they are read once it is, so that a reader never finds a smaller sequence appear behind it.
  EDDY_TRY(bool complete, log_.read_records(it->stream_id, it->shard_number, position, bounds.visible,
                                            [&](const engine::StreamLog::Record& record) {
                                              if (page.count >= limit) return false;
                                              if (page.count > 0 && bytes + record.json.size() > kMaxRecordsBytes)
                                                return false;
                                              bytes += record.json.size();
                                              if (page.count++ > 0) records_json += ',';
                                              records_json += record.json;
                                              position = record.sequence;
                                              return true;
                                            }));
  // No record carries the shard's starting sequence, so a position before it is at its start. A
  // closed shard read to its end is finished even if its last sequences never got a record (a
  // write that failed after taking its sequence).
  bool finished = bounds.closed && (std::max(position, bounds.starting_sequence) >= bounds.last_sequence ||
                                    (complete && bounds.visible >= bounds.last_sequence));
  if (!finished) {
    ShardIterator next = *it;
    next.position = position;
    next.issued_ms = static_cast<uint64_t>(now * 1000);
    page.next_iterator = encode_shard_iterator(next);
  }
  return page;
}

Result<ShardRead> Streams::read_shard(uint64_t stream_id, uint32_t shard_number, uint64_t after, std::size_t limit,
                                      const std::function<void(const engine::StreamLog::Record&)>& visit) {
  ShardRead read;
  ShardBounds bounds;
  read.position = after;
  {
    std::shared_lock<std::shared_mutex> shared(mutex_);
    auto found = streams_.find(stream_id);
    const Shard* shard = nullptr;
    if (found != streams_.end()) {
      std::lock_guard<std::mutex> order(found->second.sequencing);
      for (const auto& candidate : found->second.stream.shards) {
        if (candidate.number == shard_number) shard = &candidate;
      }
      if (shard != nullptr) {
        bounds = ShardBounds{shard->closed, shard->starting_sequence, shard->last_sequence, shard->visible_sequence()};
        if (read.position + 1 < shard->trim_horizon) {
          read.position = shard->trim_horizon - 1;
          read.trimmed = true;
        }
      }
    }
    if (shard == nullptr) {
      read.gone = true;
      return read;
    }
  }
  std::size_t count = 0;
  auto complete = log_.read_records(stream_id, shard_number, read.position, bounds.visible,
                                    [&](const engine::StreamLog::Record& record) {
                                      if (count >= limit) return false;
                                      ++count;
                                      visit(record);
                                      read.position = record.sequence;
                                      return true;
                                    });
  if (!complete) return fail(complete.error());
  // As GetRecords decides that a closed shard is finished.
  read.finished = bounds.closed && (std::max(read.position, bounds.starting_sequence) >= bounds.last_sequence ||
                                    (*complete && bounds.visible >= bounds.last_sequence));
  return read;
}

}  // namespace eddy::streams
