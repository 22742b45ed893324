// ShardPoller: Lambda's poller of one shard for one mapping, on a thread of its own. It reads the
// shard's records in order from its checkpoint (Streams::read_shard: no iterator to expire),
// renders each as Lambda's record and drops those that match no filter, gathers a batch —
// BatchSize records, 6 MB, or whatever has come when MaximumBatchingWindowInSeconds has passed
// since the first — and hands it to BatchDelivery. With ParallelizationFactor N it gathers up to N
// batches and delivers them at once, one per lane of partition keys, so that one key's records
// stay in order. With a tumbling window no batch spans two windows, each window's state passes
// from invocation to invocation, and a window ends with Lambda's final invocation.
//
// After each chunk is acknowledged (delivered, filtered out or given up on) the checkpoint moves
// past it and is persisted; a crash before that redelivers the chunk (at least once, never a
// record skipped). The poller ends when its shard is closed and read to its end (the mapping's
// runner then starts the shard's children) or when the mapping stops, is disabled or deleted.
#pragma once

#include <atomic>
#include <deque>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "streams/stream_state.h"
#include "triggers/batch_delivery.h"
#include "triggers/checkpoint.h"
#include "triggers/trigger_context.h"

namespace eddy::triggers {

class MappingRunner;

class ShardPoller : public DeliveryHost {
 public:
  ShardPoller(TriggerContext& context, MappingRunner& runner, const streams::Stream& stream,
              const streams::Shard& shard);
  ~ShardPoller() override;
  ShardPoller(const ShardPoller&) = delete;
  ShardPoller& operator=(const ShardPoller&) = delete;

  void start();
  // Ends the poller at its next look (its shard left the mapping's stream).
  void request_stop() { stop_requested_ = true; }
  void join();
  // The thread has ended (the shard finished, or the mapping no longer runs).
  bool ended() const { return ended_.load(); }
  // Nothing read and not yet acknowledged, nothing being delivered.
  bool idle() const { return idle_.load(); }

  bool aborted() override;
  bool wait_until(double clock_time) override;
  void report(const std::string& result) override;
  const std::atomic<bool>& cancel() override;

 private:
  void run();
  // Reads what the shard holds beyond the buffer, up to what the next chunk needs. False when the
  // shard is gone.
  bool fill(const RunConfig& config);
  void add_record(const RunConfig& config, uint64_t sequence, uint64_t created_ms, std::string_view json);
  // Acknowledges filtered-out records at the front of the buffer; true when there were any.
  bool acknowledge_filtered();
  // Delivers the next chunk when it is due; true when it did something.
  bool deliver_due(const std::shared_ptr<const RunConfig>& config);
  bool deliver_chunk(const std::shared_ptr<const RunConfig>& config, std::size_t end, WindowState* window);
  bool deliver_lanes(std::shared_ptr<const RunConfig> config, const std::vector<const BufferedRecord*>& records);
  // The tumbling window's final invocation once the window is over; true when it did one.
  bool close_window_if_due(const std::shared_ptr<const RunConfig>& config, bool shard_finished);
  void acknowledge(std::size_t count);
  void wait_for_news(const RunConfig& config);
  void reset_buffer();

  TriggerContext& context_;
  MappingRunner& runner_;
  uint64_t stream_id_;
  std::string stream_arn_;
  std::string partition_key_;  // the table's partition key attribute, for lanes
  streams::Shard shard_;

  Checkpoint checkpoint_;       // what is acknowledged (and persisted)
  uint64_t read_position_ = 0;  // the last sequence read into the buffer
  bool read_to_end_ = false;    // the shard is closed and the buffer holds the rest of it
  std::deque<BufferedRecord> buffer_;
  std::size_t matched_ = 0;  // records of the buffer that passed the filters
  std::size_t matched_bytes_ = 0;
  double first_matched_at_ = 0;  // when (server clock) the oldest buffered match was read
  uint64_t buffer_version_ = 0;  // the mapping's settings version the buffer was read with
  uint64_t seen_ = 0;            // wake signal generation last looked at

  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> ended_{false};
  std::atomic<bool> idle_{true};
  std::thread thread_;
};

}  // namespace eddy::triggers
