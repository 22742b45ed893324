// MappingRunner: one event source mapping at work. Its thread follows the mapping's stream — the
// stream named by EventSourceArn, or for a file mapping declared by TableName the table's current
// stream — and keeps one ShardPoller running per shard that is due: a shard whose parent is
// finished (or gone), as Lambda reads a child only after its parent, across rollovers. It holds
// the mapping's checkpoints and persists each one a poller acknowledges, and it answers for the
// mapping's State, LastProcessingResult and progress.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "triggers/checkpoint.h"
#include "triggers/event_source_mapping.h"
#include "triggers/shard_poller.h"
#include "triggers/trigger_context.h"

namespace eddy::triggers {

using Checkpoints = std::map<std::string, Checkpoint>;  // by ShardId

// The checkpoints of StartingPosition LATEST: every shard of the stream, at its last record.
Checkpoints latest_checkpoints(const streams::Stream& stream);

class MappingRunner {
 public:
  MappingRunner(TriggerContext& context, std::shared_ptr<const RunConfig> config, Checkpoints checkpoints);
  ~MappingRunner();
  MappingRunner(const MappingRunner&) = delete;
  MappingRunner& operator=(const MappingRunner&) = delete;

  void start();
  // UpdateEventSourceMapping: the new settings apply from the next attempt of every batch.
  void update(const std::shared_ptr<const RunConfig>& config);
  // DeleteEventSourceMapping: stops at once (in-flight invocations are cancelled) and persists
  // nothing more. The caller removes the persisted mapping afterwards.
  void retire();
  // eddy stopping: as retire, but the mapping stays.
  void stop();
  void join();
  bool ended() const { return ended_.load(); }

  // The mapping as ListEventSourceMappings shows it; with `progress`, each shard's position and lag.
  MappingView view(bool progress);
  // Every record its stream holds is acknowledged, and no batch is on its way.
  bool caught_up();

  // For the pollers.
  std::shared_ptr<const RunConfig> config() const;
  uint64_t config_version() const { return version_.load(); }
  bool active() const { return !stopping_.load() && !deleted_.load() && enabled_.load(); }
  Checkpoint checkpoint(const std::string& shard_id);
  void acknowledge(const std::string& shard_id, const Checkpoint& checkpoint);
  void report(const std::string& result);
  const std::atomic<bool>& cancel_flag() const { return cancel_; }

 private:
  void run();
  // The stream to read (binding or re-binding a TableName mapping); nullopt when there is none.
  std::optional<streams::Stream> current_stream(const RunConfig& config);
  void bind(const RunConfig& config, const std::string& stream_arn, const streams::Stream& stream, bool initial);
  void sync_pollers(const streams::Stream& stream);
  void stop_pollers();
  bool shard_finished(const std::string& shard_id);

  TriggerContext& context_;
  mutable std::mutex mutex_;  // config_, checkpoints_, state_, last_result_
  std::shared_ptr<const RunConfig> config_;
  Checkpoints checkpoints_;
  std::string state_ = "Creating";
  std::string last_result_ = "No records processed";
  std::atomic<uint64_t> version_{1};
  std::atomic<bool> enabled_{true};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> deleted_{false};
  std::atomic<bool> cancel_{false};
  std::atomic<bool> ended_{false};
  std::map<std::string, std::unique_ptr<ShardPoller>> pollers_;  // by ShardId; the runner's thread only
  std::mutex pollers_mutex_;                                     // pollers_ against view() and caught_up()
  std::thread thread_;
};

}  // namespace eddy::triggers
