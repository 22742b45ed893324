// One shard's poller; see shard_poller.h.
#include "triggers/shard_poller.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <spdlog/spdlog.h>

#include "protocol/json_parse.h"
#include "streams/sequence_number.h"
#include "triggers/lambda_event.h"
#include "triggers/mapping_runner.h"

namespace eddy::triggers {
namespace {

// A tumbling window's state may not grow past 1 MB; a window whose state does ends early.
constexpr std::size_t kMaxWindowStateBytes = std::size_t{1024} * 1024;

std::size_t lanes_of(const RunConfig& config) {
  if (config.mapping.settings.tumbling_window_seconds > 0) return 1;  // one state per shard
  return static_cast<std::size_t>(std::clamp<int64_t>(config.mapping.settings.parallelization_factor, 1, 10));
}

std::size_t chunk_records(const RunConfig& config) {
  return static_cast<std::size_t>(std::max<int64_t>(1, config.mapping.settings.batch_size)) * lanes_of(config);
}

double window_start_of(double created, int64_t window_seconds) {
  auto seconds = static_cast<double>(window_seconds);
  return std::floor(std::floor(created) / seconds) * seconds;
}

}  // namespace

ShardPoller::ShardPoller(TriggerContext& context, MappingRunner& runner, const streams::Stream& stream,
                         const streams::Shard& shard)
    : context_(context),
      runner_(runner),
      stream_id_(stream.id),
      stream_arn_(stream.arn),
      partition_key_(stream.key.partition_key.empty() ? std::string() : stream.key.partition_attribute().name),
      shard_(shard) {}

ShardPoller::~ShardPoller() { join(); }

void ShardPoller::start() {
  thread_ = std::thread([this] {
    run();
    idle_ = true;
    ended_ = true;
    context_.wake.raise();  // the runner starts the children of a finished shard
  });
}

void ShardPoller::join() {
  if (thread_.joinable()) thread_.join();
}

bool ShardPoller::aborted() {
  return stop_requested_.load() || !runner_.active() || runner_.config_version() != buffer_version_;
}

bool ShardPoller::wait_until(double clock_time) {
  while (!aborted()) {
    double now = context_.clock.now();
    if (now >= clock_time) return true;
    seen_ = context_.wake.wait_for(seen_, std::min(context_.options.poll_seconds, clock_time - now));
  }
  return false;
}

void ShardPoller::report(const std::string& result) { runner_.report(result); }
const std::atomic<bool>& ShardPoller::cancel() { return runner_.cancel_flag(); }

void ShardPoller::run() {
  checkpoint_ = runner_.checkpoint(shard_.shard_id);
  reset_buffer();
  seen_ = context_.wake.generation();
  while (runner_.active() && !stop_requested_.load()) {
    std::shared_ptr<const RunConfig> config = runner_.config();
    if (runner_.config_version() != buffer_version_) reset_buffer();
    if (!fill(*config)) {
      spdlog::warn("trigger {}: shard {} is gone before it was read to its end", config->mapping.uuid, shard_.shard_id);
      checkpoint_.finished = true;
      runner_.acknowledge(shard_.shard_id, checkpoint_);
      return;
    }
    idle_ = buffer_.empty();
    if (acknowledge_filtered() || deliver_due(config) || close_window_if_due(config, false)) continue;
    if (read_to_end_ && buffer_.empty()) {
      if (checkpoint_.window.open && !close_window_if_due(config, true)) continue;
      checkpoint_.finished = true;
      runner_.acknowledge(shard_.shard_id, checkpoint_);
      return;
    }
    wait_for_news(*config);
  }
}

void ShardPoller::reset_buffer() {
  buffer_.clear();
  matched_ = 0;
  matched_bytes_ = 0;
  read_position_ = checkpoint_.position;
  read_to_end_ = false;
  buffer_version_ = runner_.config_version();
}

bool ShardPoller::fill(const RunConfig& config) {
  std::size_t wanted = chunk_records(config);
  if (read_to_end_ || matched_ >= wanted || matched_bytes_ >= kMaxPayloadBytes * lanes_of(config)) return true;
  std::size_t limit = std::max<std::size_t>(wanted - matched_, 100);
  auto read = context_.streams.read_shard(stream_id_, shard_.number, read_position_, limit,
                                          [&](const engine::StreamLog::Record& record) {
                                            add_record(config, record.sequence, record.created_ms, record.json);
                                          });
  if (!read) return true;  // a failed read is logged by the engine; tried again later
  if (read->gone) return false;
  if (read->trimmed && read_position_ != 0) {
    spdlog::warn("trigger {}: records of shard {} after {} were trimmed before they were delivered",
                 config.mapping.uuid, shard_.shard_id, read_position_);
  }
  read_position_ = read->position;
  read_to_end_ = read->finished;
  return true;
}

void ShardPoller::add_record(const RunConfig& config, uint64_t sequence, uint64_t created_ms, std::string_view json) {
  BufferedRecord record;
  record.sequence = sequence;
  record.sequence_number = streams::format_sequence_number(sequence);
  record.created = static_cast<double>(created_ms) / 1000;
  record.lambda_json = lambda_record(json, stream_arn_);
  std::size_t lanes = lanes_of(config);
  if (!config.filters.empty() || lanes > 1) {
    JsonDocument document;
    parse_json(record.lambda_json, document);
    record.matched = config.filters.matches(document);
    if (lanes > 1 && document.IsObject()) {
      // The partition key's JSON text names the key; its hash picks the lane.
      const JsonValue* keys = document.HasMember("dynamodb") && document["dynamodb"].HasMember("Keys")
                                  ? &document["dynamodb"]["Keys"]
                                  : nullptr;
      if (keys != nullptr && keys->HasMember(partition_key_.c_str())) {
        rapidjson::StringBuffer text;
        JsonWriter writer(text);
        (*keys)[partition_key_.c_str()].Accept(writer);
        record.lane = std::hash<std::string_view>{}(std::string_view(text.GetString(), text.GetSize())) % lanes;
      }
    }
  }
  if (record.matched) {
    if (matched_ == 0) first_matched_at_ = context_.clock.now();
    ++matched_;
    matched_bytes_ += record.lambda_json.size();
  }
  buffer_.push_back(std::move(record));
}

bool ShardPoller::acknowledge_filtered() {
  std::size_t count = 0;
  while (count < buffer_.size() && !buffer_[count].matched) ++count;
  if (count == 0) return false;
  acknowledge(count);
  return true;
}

void ShardPoller::acknowledge(std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const BufferedRecord& record = buffer_.front();
    checkpoint_.position = record.sequence;
    if (record.matched) {
      --matched_;
      matched_bytes_ -= record.lambda_json.size();
    }
    buffer_.pop_front();
  }
  runner_.acknowledge(shard_.shard_id, checkpoint_);
  if (matched_ == 0) first_matched_at_ = 0;
  idle_ = buffer_.empty();
}

bool ShardPoller::deliver_due(const std::shared_ptr<const RunConfig>& config) {
  if (matched_ == 0) return false;
  const MappingSettings& settings = config->mapping.settings;
  bool full = matched_ >= chunk_records(*config) || matched_bytes_ >= kMaxPayloadBytes * lanes_of(*config);
  double window_end = first_matched_at_ + static_cast<double>(settings.maximum_batching_window_seconds);
  if (!full && !read_to_end_ && settings.maximum_batching_window_seconds > 0 && context_.clock.now() < window_end) {
    return false;
  }
  // The chunk: up to chunk_records() matched records, with the filtered ones among them, and with
  // a tumbling window no further than the window of its first record.
  std::size_t end = 0, taken = 0;
  int64_t tumbling = settings.tumbling_window_seconds;
  double window = tumbling > 0 ? window_start_of(buffer_.front().created, tumbling) : 0;
  if (tumbling > 0 && checkpoint_.window.open && checkpoint_.window.start != window) {
    return close_window_if_due(config, true);  // the open window is over: its final invocation first
  }
  while (end < buffer_.size() && taken < chunk_records(*config)) {
    const BufferedRecord& record = buffer_[end];
    if (tumbling > 0 && window_start_of(record.created, tumbling) != window) break;
    if (record.matched) ++taken;
    ++end;
  }
  while (end < buffer_.size() && !buffer_[end].matched) ++end;  // filtered records that follow go too
  if (tumbling > 0 && !checkpoint_.window.open) checkpoint_.window = WindowState{true, window, "{}"};
  WindowState window_state = checkpoint_.window;
  if (!deliver_chunk(config, end, tumbling > 0 ? &window_state : nullptr)) return true;  // aborted: not acknowledged
  if (tumbling > 0) checkpoint_.window = window_state;
  acknowledge(end);
  if (tumbling > 0 && checkpoint_.window.state_json.size() > kMaxWindowStateBytes) {
    BatchDelivery delivery(context_, config, *this, shard_.shard_id, stream_arn_);
    if (delivery.finish_window(checkpoint_.window, true)) {
      checkpoint_.window.state_json = "{}";  // the same window goes on with a fresh state
      runner_.acknowledge(shard_.shard_id, checkpoint_);
    }
  }
  return true;
}

bool ShardPoller::deliver_chunk(const std::shared_ptr<const RunConfig>& config, std::size_t end, WindowState* window) {
  std::vector<const BufferedRecord*> records;
  for (std::size_t i = 0; i < end; ++i) {
    if (buffer_[i].matched) records.push_back(&buffer_[i]);
  }
  idle_ = false;
  if (window != nullptr || lanes_of(*config) == 1) {
    BatchDelivery delivery(context_, config, *this, shard_.shard_id, stream_arn_);
    return delivery.deliver(records, window);
  }
  return deliver_lanes(config, records);
}

// One delivery per lane at once; the chunk is acknowledged only when every lane is through.
bool ShardPoller::deliver_lanes(std::shared_ptr<const RunConfig> config,
                                const std::vector<const BufferedRecord*>& records) {
  std::size_t lanes = lanes_of(*config);
  std::vector<std::vector<const BufferedRecord*>> by_lane(lanes);
  for (const BufferedRecord* record : records) by_lane[record->lane].push_back(record);
  std::vector<char> delivered(lanes, 1);
  std::vector<std::thread> threads;
  for (std::size_t lane = 1; lane < lanes; ++lane) {
    if (by_lane[lane].empty()) continue;
    threads.emplace_back([&, lane] {
      BatchDelivery delivery(context_, config, *this, shard_.shard_id, stream_arn_);
      delivered[lane] = delivery.deliver(by_lane[lane], nullptr) ? 1 : 0;
    });
  }
  BatchDelivery delivery(context_, config, *this, shard_.shard_id, stream_arn_);
  delivered[0] = (by_lane[0].empty() || delivery.deliver(by_lane[0], nullptr)) ? 1 : 0;
  for (auto& thread : threads) thread.join();
  return std::all_of(delivered.begin(), delivered.end(), [](char ok) { return ok != 0; });
}

bool ShardPoller::close_window_if_due(const std::shared_ptr<const RunConfig>& config, bool shard_finished) {
  if (!checkpoint_.window.open) return false;
  double end = checkpoint_.window.start + static_cast<double>(config->mapping.settings.tumbling_window_seconds);
  bool records_of_window = !buffer_.empty() && matched_ > 0 &&
                           window_start_of(buffer_.front().created, config->mapping.settings.tumbling_window_seconds) ==
                               checkpoint_.window.start;
  if (!shard_finished && (records_of_window || context_.clock.now() < end)) return false;
  BatchDelivery delivery(context_, config, *this, shard_.shard_id, stream_arn_);
  if (!delivery.finish_window(checkpoint_.window, false)) return false;
  checkpoint_.window = WindowState{};
  runner_.acknowledge(shard_.shard_id, checkpoint_);
  return true;
}

// Sleeps until a record may have come, the clock moved, the batching window or the tumbling
// window is over, or the poll interval has passed.
void ShardPoller::wait_for_news(const RunConfig& config) {
  double now = context_.clock.now();
  double wait = context_.options.poll_seconds;
  const MappingSettings& settings = config.mapping.settings;
  auto until = [&](double due) {
    if (due > now) wait = std::min(wait, due - now);  // a time already past is someone else's to act on
  };
  if (matched_ > 0 && settings.maximum_batching_window_seconds > 0) {
    until(first_matched_at_ + static_cast<double>(settings.maximum_batching_window_seconds));
  }
  if (checkpoint_.window.open) until(checkpoint_.window.start + static_cast<double>(settings.tumbling_window_seconds));
  seen_ = context_.wake.wait_for(seen_, wait);
}

}  // namespace eddy::triggers
