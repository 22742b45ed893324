// What every part of the triggers runtime shares: the engine, the streams, the clock, the wake
// signal and the settings eddy was started with.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "engine/database.h"
#include "model/clock.h"
#include "streams/streams.h"
#include "triggers/event_source_mapping.h"
#include "triggers/filter_pattern.h"
#include "triggers/invoker.h"
#include "triggers/on_failure_destination.h"
#include "triggers/wake_signal.h"

namespace eddy::triggers {

struct TriggerOptions {
  InvokerSettings invoker;
  // The first retry of a failed batch waits this long (on the server's clock); each further one
  // twice as long, up to kMaxRetryDelaySeconds. Default: 1 second.
  double retry_base_seconds = 1;
  // Stream retention: with MaximumRecordAgeInSeconds -1 a record is given up on once it is older.
  double retention_seconds = 24 * 3600;
  // How long a waiting thread sleeps at most between looks (real time). Default: 250 ms, Lambda's
  // four polls a second.
  double poll_seconds = 0.25;
};

inline constexpr double kMaxRetryDelaySeconds = 60;

struct TriggerContext {
  engine::Database& database;
  streams::Streams& streams;
  const Clock& clock;
  WakeSignal& wake;
  TriggerOptions options;
};

// A mapping as its threads run it: the settings with what they compile to. Replaced whole (never
// changed in place) by UpdateEventSourceMapping, so a batch sees one version of it throughout.
struct RunConfig {
  EventSourceMapping mapping;
  FilterCriteria filters;
  std::shared_ptr<Invoker> invoker;  // null when the function cannot be invoked
  std::string invoker_problem;       // why not
  std::optional<OnFailureDestination> on_failure;
};

}  // namespace eddy::triggers
