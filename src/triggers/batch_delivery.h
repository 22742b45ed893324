// BatchDelivery: delivers records of one shard (one lane of it, with ParallelizationFactor) to the
// mapping's function in batches, with Lambda's error handling
// (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html):
//  - a batch holds at most BatchSize records and at most 6 MB of event;
//  - a function error is retried, after 1, 2, 4 ... seconds (up to a minute) on the server's clock,
//    until MaximumRetryAttempts retries have failed (-1: until the records are too old);
//  - BisectBatchOnFunctionError splits a failed batch in two, each retried on its own, without
//    counting the split as a retry;
//  - with ReportBatchItemFailures, a partial failure acknowledges the records before the lowest
//    failed one and retries the rest (a retry);
//  - records older than MaximumRecordAgeInSeconds (-1: the stream's retention) are given up on;
//  - a batch given up on goes to the OnFailure destination as Lambda's invocation record;
//  - a function that cannot be reached at all is retried without counting (errors before
//    invocation), until the records are too old.
// Each invocation is logged at info level with its outcome.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "triggers/checkpoint.h"
#include "triggers/invoker.h"
#include "triggers/trigger_context.h"

namespace eddy::triggers {

// A record read from the stream, ready for a batch.
struct BufferedRecord {
  uint64_t sequence = 0;
  std::string sequence_number;  // its SequenceNumber text
  double created = 0;           // epoch seconds (ApproximateCreationDateTime, with its fraction)
  std::string lambda_json;      // Lambda's record (lambda_event.h)
  bool matched = true;          // passed the mapping's filters
  std::size_t lane = 0;         // which of ParallelizationFactor lanes its partition key goes to
};

// What a delivery needs of the mapping that runs it.
class DeliveryHost {
 public:
  virtual ~DeliveryHost() = default;
  // Stop, disable, delete or a changed function: give up without acknowledging.
  virtual bool aborted() = 0;
  // Waits until the server's clock reaches `clock_time`; false when aborted meanwhile.
  virtual bool wait_until(double clock_time) = 0;
  // LastProcessingResult.
  virtual void report(const std::string& result) = 0;
  // Set when in-flight invocations should stop (eddy stopping, the mapping deleted).
  virtual const std::atomic<bool>& cancel() = 0;
};

class BatchDelivery {
 public:
  BatchDelivery(TriggerContext& context, std::shared_ptr<const RunConfig> config, DeliveryHost& host,
                std::string shard_id, std::string stream_arn);

  // Delivers `records` (in order) until each was acknowledged or given up on: true. False when
  // aborted first; then nothing of them may be taken as acknowledged. With a tumbling window,
  // every invocation carries it and the answers' state replaces its state.
  bool deliver(const std::vector<const BufferedRecord*>& records, WindowState* window);
  // A tumbling window's final invocation (no records, isFinalInvokeForWindow). False when aborted.
  bool finish_window(const WindowState& window, bool terminated_early);

 private:
  struct Work;
  bool deliver_batch(std::vector<const BufferedRecord*> records, WindowState* window);
  // One invocation of `work`; true when the work is done (acknowledged or given up on).
  bool attempt(Work& work, std::vector<Work>& pending, WindowState* window);
  bool expire_old(Work& work);
  void give_up(const Work& work, const char* condition);
  bool back_off(int attempt_number, double attempted_at);
  std::string event_of(const std::vector<const BufferedRecord*>& records, const WindowState* window, bool final_invoke,
                       bool terminated_early) const;
  void log_invocation(const Work& work, const InvokeOutcome& outcome, const std::string& verdict, double millis) const;

  TriggerContext& context_;
  std::shared_ptr<const RunConfig> config_;
  DeliveryHost& host_;
  std::string shard_id_;
  std::string stream_arn_;
};

}  // namespace eddy::triggers
