// One mapping at work; see mapping_runner.h.
#include "triggers/mapping_runner.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "streams/sequence_number.h"
#include "triggers/mapping_codec.h"

namespace eddy::triggers {
namespace {

// Counting a shard's lag stops here: beyond it the number says "a lot".
constexpr std::size_t kMaxLagCount = 100000;

const streams::Shard* shard_named(const streams::Stream& stream, const std::string& shard_id) {
  for (const auto& shard : stream.shards) {
    if (shard.shard_id == shard_id) return &shard;
  }
  return nullptr;
}

}  // namespace

Checkpoints latest_checkpoints(const streams::Stream& stream) {
  Checkpoints checkpoints;
  for (const auto& shard : stream.shards) {
    Checkpoint checkpoint;
    checkpoint.position = shard.last_sequence;
    checkpoint.finished = shard.closed;
    checkpoints[shard.shard_id] = checkpoint;
  }
  return checkpoints;
}

MappingRunner::MappingRunner(TriggerContext& context, std::shared_ptr<const RunConfig> config, Checkpoints checkpoints)
    : context_(context), config_(std::move(config)), checkpoints_(std::move(checkpoints)) {
  enabled_ = config_->mapping.settings.enabled;
}

MappingRunner::~MappingRunner() {
  stop();
  join();
}

void MappingRunner::start() {
  thread_ = std::thread([this] {
    run();
    ended_ = true;
  });
}

void MappingRunner::join() {
  if (thread_.joinable()) thread_.join();
}

void MappingRunner::stop() {
  stopping_ = true;
  cancel_ = true;
  context_.wake.raise();
}

void MappingRunner::retire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    deleted_ = true;
    state_ = "Deleting";
  }
  cancel_ = true;
  context_.wake.raise();
}

void MappingRunner::update(const std::shared_ptr<const RunConfig>& config) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (deleted_) return;
    // The stream a TableName mapping is bound to is the runner's to change, never an update's.
    auto next = std::make_shared<RunConfig>(*config);
    next->mapping.event_source_arn = config_->mapping.event_source_arn;
    engine::TriggerLog::Changes changes;
    changes.put_mapping(next->mapping.uuid, encode_mapping(next->mapping));
    if (auto written = context_.database.trigger_log().write(changes); !written) {
      spdlog::error("trigger {}: cannot persist its update: {}", next->mapping.uuid, written.error().message);
    }
    config_ = std::move(next);
    state_ = "Updating";
    enabled_ = config_->mapping.settings.enabled;
    ++version_;
  }
  context_.wake.raise();
}

std::shared_ptr<const RunConfig> MappingRunner::config() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return config_;
}

void MappingRunner::run() {
  uint64_t seen = context_.wake.generation();
  while (!stopping_ && !deleted_) {
    std::shared_ptr<const RunConfig> config = this->config();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!deleted_) state_ = settled_state(config_->mapping);
    }
    if (!enabled_) {
      stop_pollers();
    } else if (auto stream = current_stream(*config)) {
      sync_pollers(*stream);
    }
    seen = context_.wake.wait_for(seen, context_.options.poll_seconds);
  }
  stop_pollers();
}

std::optional<streams::Stream> MappingRunner::current_stream(const RunConfig& config) {
  std::string arn = config.mapping.event_source_arn;
  if (!config.mapping.table_name.empty()) {
    engine::TablePtr table = context_.database.catalog().find(config.mapping.table_name);
    std::string current = table != nullptr && table->stream.enabled ? table->stream_arn() : "";
    if (!current.empty() && current != arn) {
      // A table's new stream (re-created, or its stream switched off and on) once the old one is done.
      bool replace = arn.empty();
      if (!replace) {
        auto old = context_.streams.describe_stream(arn);
        replace = !old || (!old->enabled && std::all_of(old->shards.begin(), old->shards.end(), [&](const auto& shard) {
          return shard_finished(shard.shard_id);
        }));
      }
      auto stream =
          replace ? context_.streams.describe_stream(current) : Result<streams::Stream>(fail(ApiError::internal("")));
      if (stream) {
        bind(config, current, *stream, arn.empty());
        return *stream;
      }
    }
  }
  if (arn.empty()) return std::nullopt;
  auto stream = context_.streams.describe_stream(arn);
  if (!stream) return std::nullopt;
  return *stream;
}

// Binds a TableName mapping to `stream_arn`: at first with its StartingPosition, later (the table's
// next stream) from the stream's start, as every record of the new stream is new to the mapping.
void MappingRunner::bind(const RunConfig& config, const std::string& stream_arn, const streams::Stream& stream,
                         bool initial) {
  auto next = std::make_shared<RunConfig>(config);
  next->mapping.event_source_arn = stream_arn;
  next->mapping.last_modified = context_.clock.now();
  Checkpoints fresh;
  if (initial && next->mapping.starting_position == StartingPosition::kLatest) fresh = latest_checkpoints(stream);
  stop_pollers();
  std::lock_guard<std::mutex> lock(mutex_);
  if (deleted_) return;
  engine::TriggerLog::Changes changes;
  changes.put_mapping(next->mapping.uuid, encode_mapping(next->mapping));
  for (const auto& [shard_id, checkpoint] : checkpoints_) changes.remove_checkpoint(next->mapping.uuid, shard_id);
  for (const auto& [shard_id, checkpoint] : fresh) {
    changes.put_checkpoint(next->mapping.uuid, shard_id, encode_checkpoint(checkpoint));
  }
  if (auto written = context_.database.trigger_log().write(changes); !written) {
    spdlog::error("trigger {}: cannot bind to {}: {}", next->mapping.uuid, stream_arn, written.error().message);
    return;
  }
  spdlog::info("trigger {} reads table {}'s stream {}", next->mapping.uuid, next->mapping.table_name, stream_arn);
  checkpoints_ = std::move(fresh);
  config_ = std::move(next);
  ++version_;
}

void MappingRunner::sync_pollers(const streams::Stream& stream) {
  std::lock_guard<std::mutex> guard(pollers_mutex_);
  for (auto it = pollers_.begin(); it != pollers_.end();) {
    bool ended = it->second->ended();
    if (!ended && shard_named(stream, it->first) == nullptr) it->second->request_stop();
    if (ended || shard_named(stream, it->first) == nullptr) {
      it->second->join();
      it = pollers_.erase(it);
    } else {
      ++it;
    }
  }
  // Shards are sorted by ShardId, so by creation: a parent comes before its children.
  for (const auto& shard : stream.shards) {
    if (pollers_.count(shard.shard_id) != 0 || shard_finished(shard.shard_id)) continue;
    const std::string& parent = shard.parent_shard_id;
    if (!parent.empty() && shard_named(stream, parent) != nullptr && !shard_finished(parent)) continue;
    auto poller = std::make_unique<ShardPoller>(context_, *this, stream, shard);
    poller->start();
    pollers_[shard.shard_id] = std::move(poller);
  }
}

void MappingRunner::stop_pollers() {
  std::lock_guard<std::mutex> guard(pollers_mutex_);
  for (auto& [shard_id, poller] : pollers_) poller->request_stop();
  context_.wake.raise();
  for (auto& [shard_id, poller] : pollers_) poller->join();
  pollers_.clear();
}

bool MappingRunner::shard_finished(const std::string& shard_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = checkpoints_.find(shard_id);
  return found != checkpoints_.end() && found->second.finished;
}

Checkpoint MappingRunner::checkpoint(const std::string& shard_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = checkpoints_.find(shard_id);
  return found == checkpoints_.end() ? Checkpoint{} : found->second;
}

void MappingRunner::acknowledge(const std::string& shard_id, const Checkpoint& checkpoint) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (deleted_) return;  // its keys are being removed: write none again
  checkpoints_[shard_id] = checkpoint;
  engine::TriggerLog::Changes changes;
  changes.put_checkpoint(config_->mapping.uuid, shard_id, encode_checkpoint(checkpoint));
  if (auto written = context_.database.trigger_log().write(changes); !written) {
    spdlog::error("trigger {}: cannot persist its checkpoint in {}: {}", config_->mapping.uuid, shard_id,
                  written.error().message);
  }
}

void MappingRunner::report(const std::string& result) {
  std::lock_guard<std::mutex> lock(mutex_);
  last_result_ = result;
}

MappingView MappingRunner::view(bool progress) {
  MappingView view;
  Checkpoints checkpoints;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    view.mapping = config_->mapping;
    view.state = state_;
    view.last_processing_result = last_result_;
    checkpoints = checkpoints_;
  }
  {
    std::lock_guard<std::mutex> guard(pollers_mutex_);
    for (const auto& [shard_id, poller] : pollers_) view.busy = view.busy || !poller->idle();
  }
  if (!progress || view.mapping.event_source_arn.empty()) return view;
  auto stream = context_.streams.describe_stream(view.mapping.event_source_arn);
  if (!stream) return view;
  double now = context_.clock.now();
  for (const auto& shard : stream->shards) {
    ShardProgress shard_progress;
    shard_progress.shard_id = shard.shard_id;
    auto found = checkpoints.find(shard.shard_id);
    Checkpoint checkpoint = found == checkpoints.end() ? Checkpoint{} : found->second;
    shard_progress.finished = checkpoint.finished;
    if (checkpoint.position > shard.starting_sequence) {
      shard_progress.sequence_number = streams::format_sequence_number(checkpoint.position);
    }
    double oldest = 0;
    auto read = context_.streams.read_shard(stream->id, shard.number, checkpoint.position, kMaxLagCount,
                                            [&](const engine::StreamLog::Record& record) {
                                              if (shard_progress.lag_records++ == 0)
                                                oldest = static_cast<double>(record.created_ms) / 1000;
                                            });
    if (read && shard_progress.lag_records > 0) shard_progress.lag_seconds = std::max(0.0, now - oldest);
    view.shards.push_back(std::move(shard_progress));
  }
  return view;
}

bool MappingRunner::caught_up() {
  if (!active()) return false;
  std::shared_ptr<const RunConfig> config = this->config();
  if (!config->mapping.event_source_arn.empty()) {
    auto stream = context_.streams.describe_stream(config->mapping.event_source_arn);
    if (stream) {
      for (const auto& shard : stream->shards) {
        Checkpoint checkpoint = this->checkpoint(shard.shard_id);
        if (checkpoint.finished) continue;
        std::size_t waiting = 0;
        auto read = context_.streams.read_shard(stream->id, shard.number, checkpoint.position, 1,
                                                [&](const engine::StreamLog::Record&) { ++waiting; });
        if (!read || waiting > 0) return false;
      }
    }
  }
  std::lock_guard<std::mutex> guard(pollers_mutex_);
  return std::all_of(pollers_.begin(), pollers_.end(), [](const auto& entry) { return entry.second->idle(); });
}

}  // namespace eddy::triggers
