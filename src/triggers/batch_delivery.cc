// Batches, invocations, retries, bisection and giving up; see batch_delivery.h.
#include "triggers/batch_delivery.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <spdlog/spdlog.h>

#include "triggers/function_answer.h"
#include "triggers/lambda_event.h"

namespace eddy::triggers {

struct BatchDelivery::Work {
  std::vector<const BufferedRecord*> records;
  int64_t retries = 0;      // failed invocations counted against MaximumRetryAttempts
  int64_t invocations = 0;  // approximateInvokeCount
  int unreachable = 0;      // invocations in a row that could not reach the function
  InvokeOutcome last;
};

BatchDelivery::BatchDelivery(TriggerContext& context, std::shared_ptr<const RunConfig> config, DeliveryHost& host,
                             std::string shard_id, std::string stream_arn)
    : context_(context),
      config_(std::move(config)),
      host_(host),
      shard_id_(std::move(shard_id)),
      stream_arn_(std::move(stream_arn)) {}

bool BatchDelivery::deliver(const std::vector<const BufferedRecord*>& records, WindowState* window) {
  auto batch_size = static_cast<std::size_t>(std::max<int64_t>(1, config_->mapping.settings.batch_size));
  std::size_t state_bytes = window != nullptr ? window->state_json.size() : 0;
  std::vector<const BufferedRecord*> batch;
  std::size_t bytes = kEventOverheadBytes + state_bytes;
  for (const BufferedRecord* record : records) {
    std::size_t size = record->lambda_json.size() + 1;
    if (!batch.empty() && (batch.size() == batch_size || bytes + size > kMaxPayloadBytes)) {
      if (!deliver_batch(std::move(batch), window)) return false;
      batch.clear();
      bytes = kEventOverheadBytes + (window != nullptr ? window->state_json.size() : 0);
    }
    batch.push_back(record);
    bytes += size;
  }
  return batch.empty() || deliver_batch(std::move(batch), window);
}

bool BatchDelivery::deliver_batch(std::vector<const BufferedRecord*> records, WindowState* window) {
  std::vector<Work> pending;
  pending.push_back(Work{std::move(records)});
  while (!pending.empty()) {
    Work work = std::move(pending.back());
    pending.pop_back();
    while (true) {
      if (host_.aborted()) return false;
      expire_old(work);
      if (work.records.empty() || attempt(work, pending, window)) break;
    }
  }
  return true;
}

bool BatchDelivery::attempt(Work& work, std::vector<Work>& pending, WindowState* window) {
  const MappingSettings& settings = config_->mapping.settings;
  const double attempted_at = context_.clock.now();
  if (config_->invoker == nullptr) {
    host_.report("PROBLEM: " + config_->invoker_problem);
    back_off(++work.unreachable, attempted_at);
    return false;
  }
  std::string event = event_of(work.records, window, false, false);
  auto started = std::chrono::steady_clock::now();
  InvokeOutcome outcome = config_->invoker->invoke(event, host_.cancel());
  double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (outcome.kind == InvokeOutcome::Kind::kUnreachable) {
    if (host_.aborted()) return false;
    log_invocation(work, outcome, "function not reached: " + outcome.problem, millis);
    host_.report("PROBLEM: Function call failed");
    back_off(++work.unreachable, attempted_at);
    return false;
  }
  ++work.invocations;
  work.unreachable = 0;
  work.last = outcome;
  FunctionAnswer answer;
  bool failed = outcome.kind == InvokeOutcome::Kind::kFunctionError;
  if (!failed) {
    std::vector<std::string> sequences;
    for (const BufferedRecord* record : work.records) sequences.push_back(record->sequence_number);
    answer = read_function_answer(outcome.body, sequences, settings.report_batch_item_failures,
                                  settings.tumbling_window_seconds > 0);
    failed = answer.outcome == FunctionAnswer::Outcome::kMalformed;
  }
  if (!failed) {
    if (window != nullptr && answer.state_json) window->state_json = *answer.state_json;
    if (answer.outcome == FunctionAnswer::Outcome::kSuccess) {
      log_invocation(work, outcome, "OK", millis);
      host_.report("OK");
      return true;
    }
    log_invocation(work, outcome, "batch item failure from " + work.records[answer.first_failed]->sequence_number,
                   millis);
    host_.report("PROBLEM: Function call failed");
    work.records.erase(work.records.begin(), work.records.begin() + static_cast<std::ptrdiff_t>(answer.first_failed));
  } else {
    log_invocation(work, outcome, "function error: " + (answer.problem.empty() ? outcome.problem : answer.problem),
                   millis);
    host_.report("PROBLEM: Function call failed");
    if (settings.bisect_batch_on_function_error && work.records.size() > 1) {
      // Two halves, the first retried first; splitting is no retry.
      auto middle = work.records.begin() + static_cast<std::ptrdiff_t>(work.records.size() / 2);
      Work first = work, second = work;
      first.records.assign(work.records.begin(), middle);
      second.records.assign(middle, work.records.end());
      pending.push_back(std::move(second));
      pending.push_back(std::move(first));
      return true;
    }
  }
  ++work.retries;
  if (settings.maximum_retry_attempts >= 0 && work.retries > settings.maximum_retry_attempts) {
    give_up(work, "RetryAttemptsExhausted");
    return true;
  }
  back_off(static_cast<int>(work.retries), attempted_at);
  return false;
}

// Gives up on the records at the front that are older than MaximumRecordAgeInSeconds (or, with -1,
// the stream's retention, after which they are gone from the stream). True when any were.
bool BatchDelivery::expire_old(Work& work) {
  int64_t limit = config_->mapping.settings.maximum_record_age_seconds;
  double max_age = limit >= 0 ? static_cast<double>(limit) : context_.options.retention_seconds;
  double now = context_.clock.now();
  auto young = std::find_if(work.records.begin(), work.records.end(),
                            [&](const BufferedRecord* record) { return now - record->created <= max_age; });
  if (young == work.records.begin()) return false;
  Work expired = work;
  expired.records.assign(work.records.begin(), young);
  give_up(expired, "RecordAgeExceeded");
  work.records.erase(work.records.begin(), young);
  return true;
}

void BatchDelivery::give_up(const Work& work, const char* condition) {
  const RunConfig& config = *config_;
  FailedBatch batch;
  batch.condition = condition;
  batch.invoke_count = work.invocations;
  batch.status = work.last.status;
  batch.function_error = work.last.function_error;
  batch.executed_version = work.last.executed_version;
  batch.function_arn = config.mapping.function_arn;
  batch.shard_id = shard_id_;
  batch.stream_arn = stream_arn_;
  batch.first_sequence = work.records.front()->sequence_number;
  batch.last_sequence = work.records.back()->sequence_number;
  batch.first_arrival = work.records.front()->created;
  batch.last_arrival = work.records.back()->created;
  batch.batch_size = work.records.size();
  spdlog::warn("trigger {}: gave up on {} records of {} ({} to {}): {}", config.mapping.uuid, batch.batch_size,
               shard_id_, batch.first_sequence, batch.last_sequence, condition);
  if (!config.on_failure) return;
  if (auto sent = config.on_failure->send(batch, context_.database, context_.clock.now()); !sent) {
    spdlog::error("trigger {}: cannot write to the on-failure destination {}: {}", config.mapping.uuid,
                  config.mapping.settings.on_failure_destination, sent.error().message);
  }
}

// Waits before the next attempt: retry_base_seconds, doubling with each, up to a minute.
// The delay counts from the attempt's start on the server's clock, not from when its failure was
// read: under a virtual clock the retry is then due at a time fixed before the function ran, however
// the clock moves while it runs.
bool BatchDelivery::back_off(int attempt_number, double attempted_at) {
  double delay = context_.options.retry_base_seconds * std::pow(2.0, std::max(0, attempt_number - 1));
  return host_.wait_until(attempted_at + std::min(delay, kMaxRetryDelaySeconds));
}

bool BatchDelivery::finish_window(const WindowState& window, bool terminated_early) {
  Work work;
  while (!host_.aborted()) {
    std::string event = event_of({}, &window, true, terminated_early);
    const double attempted_at = context_.clock.now();
    auto started = std::chrono::steady_clock::now();
    InvokeOutcome outcome =
        config_->invoker != nullptr ? config_->invoker->invoke(event, host_.cancel()) : InvokeOutcome{};
    if (config_->invoker == nullptr) outcome.kind = InvokeOutcome::Kind::kUnreachable;
    double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (outcome.kind == InvokeOutcome::Kind::kOk) {
      log_invocation(work, outcome, "OK (final invocation of the window)", millis);
      host_.report("OK");
      return true;
    }
    log_invocation(work, outcome, "final invocation of the window failed: " + outcome.problem, millis);
    host_.report("PROBLEM: Function call failed");
    if (outcome.kind == InvokeOutcome::Kind::kUnreachable) {
      back_off(++work.unreachable, attempted_at);
      continue;
    }
    ++work.retries;
    int64_t limit = config_->mapping.settings.maximum_retry_attempts;
    if (limit >= 0 && work.retries > limit) {
      spdlog::warn("trigger {}: gave up on the final invocation of a window of {}", config_->mapping.uuid, shard_id_);
      return true;
    }
    back_off(static_cast<int>(work.retries), attempted_at);
  }
  return false;
}

std::string BatchDelivery::event_of(const std::vector<const BufferedRecord*>& records, const WindowState* window,
                                    bool final_invoke, bool terminated_early) const {
  std::vector<const std::string*> texts;
  texts.reserve(records.size());
  for (const BufferedRecord* record : records) texts.push_back(&record->lambda_json);
  if (window == nullptr) return records_event(texts, stream_arn_);
  WindowFields fields;
  fields.start = window->start;
  fields.end = window->start + static_cast<double>(config_->mapping.settings.tumbling_window_seconds);
  fields.state_json = window->state_json;
  fields.shard_id = shard_id_;
  fields.final_invoke = final_invoke;
  fields.terminated_early = terminated_early;
  return records_event(texts, stream_arn_, &fields);
}

void BatchDelivery::log_invocation(const Work& work, const InvokeOutcome& outcome, const std::string& verdict,
                                   double millis) const {
  spdlog::info("trigger {} invoked {} with {} records of {}: {} (HTTP {}, {:.0f} ms)", config_->mapping.uuid,
               config_->mapping.settings.function_name, work.records.size(), shard_id_, verdict, outcome.status,
               millis);
}

}  // namespace eddy::triggers
