// Invoker: runs a mapping's function once with an event, synchronously, as Lambda's event source
// mappings do (InvocationType RequestResponse), and says how it went:
//   kOk             the function ran and answered (its body is read by function_answer.h)
//   kFunctionError  it ran and failed: an X-Amz-Function-Error header, a non-2xx status, a
//                   command's non-zero exit status, or a timeout
//   kUnreachable    it could not be run at all (no connection, the command would not start); as
//                   Lambda's errors before invocation, these are retried without counting against
//                   MaximumRetryAttempts
// The three kinds of FunctionName (function_target.h) each have an invoker: Lambda's Invoke API at
// --lambda-endpoint, a webhook URL, a local command.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "triggers/function_target.h"

namespace eddy::triggers {

struct InvokeOutcome {
  enum class Kind { kOk, kFunctionError, kUnreachable };
  Kind kind = Kind::kOk;
  int status = 0;              // the HTTP status (a command: 200, or 0 when it never ran)
  std::string body;            // the function's answer
  std::string function_error;  // X-Amz-Function-Error ("Unhandled" for other failures)
  std::string executed_version = "$LATEST";
  std::string problem;  // why, for the log
};

struct InvokerSettings {
  std::string lambda_endpoint;    // --lambda-endpoint: the Invoke API's base URL
  double timeout_seconds = 300;   // one invocation at most (Lambda's largest is 900 s)
  std::string working_directory;  // where `exec:` commands run (the mappings file's folder)
};

class Invoker {
 public:
  virtual ~Invoker() = default;
  // Thread-safe. Returns soon after `cancel` is set.
  virtual InvokeOutcome invoke(const std::string& event, const std::atomic<bool>& cancel) = 0;
};

// The invoker of `target`; nullptr (with `error` set) when it cannot have one, e.g. a function
// name while eddy runs without --lambda-endpoint.
std::unique_ptr<Invoker> make_invoker(const FunctionTarget& target, const InvokerSettings& settings,
                                      std::string& error);

}  // namespace eddy::triggers
