// TriggerService: eddy's event source mappings — Lambda's triggers for DynamoDB streams, run
// locally. It keeps the mappings (persisted through engine::TriggerLog with their checkpoints),
// checks what Lambda checks when one is created or changed, and runs each on a MappingRunner of
// its own. Lambda's REST API (src/lambda_api/) and --event-source-mappings call its verbs; its
// threads are never the request workers. See docs/triggers.md.
//
// Threads: one per mapping (its runner) and one per shard being read (a poller), plus one per
// further lane while a ParallelizationFactor above 1 delivers. They sleep on one WakeSignal,
// raised when a stream record becomes readable, the clock moves, a mapping changes or eddy stops.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/database.h"
#include "model/api_error.h"
#include "model/clock.h"
#include "streams/streams.h"
#include "triggers/event_source_mapping.h"
#include "triggers/mapping_runner.h"
#include "triggers/trigger_context.h"

namespace eddy::triggers {

class TriggerService {
 public:
  TriggerService(engine::Database& database, streams::Streams& streams, const Clock& clock, TriggerOptions options);
  ~TriggerService();
  TriggerService(const TriggerService&) = delete;
  TriggerService& operator=(const TriggerService&) = delete;

  // Reads the persisted mappings (at start, before start()).
  Result<void> load();
  // Starts every mapping's runner; mappings created later start at once.
  void start();
  // Stops every runner (cancelling in-flight invocations) and waits for them.
  void stop();
  // For a restore, a reset or a truncate, which replace what the runners read: pause() stops them
  // (as stop()); resume() forgets them and starts again from what storage then holds, the
  // mappings and their checkpoints (as load() then start(), when the service was started).
  void pause();
  Result<void> resume();

  // CreateEventSourceMapping. `mapping` holds what the request said (EventSourceArn or, from the
  // mappings file, TableName; StartingPosition; the settings); its UUID, FunctionArn, region and
  // times are filled in here. Errors as Lambda's: InvalidParameterValueException (no such stream,
  // a filter, a destination), ResourceConflictException (the same function and stream are mapped
  // already), ResourceNotFoundException (a function name without --lambda-endpoint).
  Result<MappingView> create(EventSourceMapping mapping);
  // UpdateEventSourceMapping: `change` applies the request to a copy of the settings.
  using SettingsChange = std::function<Result<void>(MappingSettings& settings)>;
  Result<MappingView> update(const std::string& uuid, const SettingsChange& change);
  // DeleteEventSourceMapping: the answer shows the mapping Deleting; it is gone at once.
  Result<MappingView> remove(const std::string& uuid);
  Result<MappingView> get(const std::string& uuid, bool progress);
  // Every mapping in creation order.
  std::vector<MappingView> list(bool progress);
  // Waits (real time, at most `timeout_seconds`) until the mapping has acknowledged every record
  // its stream holds and no batch is on its way: true, or false at the deadline. For tests
  // (issue 17's GET /eddy/v1/triggers/<UUID>/wait): ResourceNotFoundException for no such mapping.
  Result<bool> wait_delivered(const std::string& uuid, double timeout_seconds);

  // --event-source-mappings: makes the mappings that came from the file exactly `declared`,
  // matching them by function and source: a mapping still declared keeps its UUID and checkpoints
  // (its settings follow the file), one no longer declared is deleted, a new one is created.
  Result<void> apply_file_mappings(const std::vector<EventSourceMapping>& declared);

 private:
  // Checks and compiles a mapping; `strict` (a request) fails where a persisted mapping only logs.
  Result<std::shared_ptr<RunConfig>> compile(EventSourceMapping mapping, bool strict);
  Result<void> check_source(EventSourceMapping& mapping, std::optional<streams::Stream>& stream);
  Result<void> check_unique(const EventSourceMapping& mapping, const std::string& except_uuid);
  std::shared_ptr<MappingRunner> find_locked(const std::string& uuid);
  void add_runner_locked(std::shared_ptr<MappingRunner> runner);
  void reap_locked();
  void update_listening_locked();

  engine::Database& database_;
  WakeSignal wake_;
  TriggerContext context_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<MappingRunner>> runners_;  // in creation order
  std::vector<std::shared_ptr<MappingRunner>> retired_;  // deleted, still ending
  bool started_ = false;
  bool paused_ = false;                 // pause() found it started: resume() starts it again
  std::atomic<bool> listening_{false};  // raise the signal for stream records: some mapping runs
  ClockSubscription clock_subscription_;
};

// ResourceNotFoundException as Lambda words it for a mapping it does not know.
ApiError mapping_not_found();

}  // namespace eddy::triggers
