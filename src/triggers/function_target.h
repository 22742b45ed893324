// FunctionTarget: what a mapping's FunctionName says about where its function runs.
//   a name or Lambda ARN  ("orders", "arn:aws:lambda:us-east-1:000000000000:function:orders:live")
//                          → Lambda's Invoke API at --lambda-endpoint
//   an http(s) URL        → that URL, called directly (a webhook), with the same body and answer rules
//   "exec:" COMMAND       → a local command (only from --event-source-mappings), the event on stdin
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"

namespace eddy::triggers {

enum class FunctionKind { kLambda, kWebhook, kCommand };

struct FunctionTarget {
  FunctionKind kind = FunctionKind::kLambda;
  std::string name;  // kLambda: the function's name (qualifier included); kWebhook: the URL; kCommand: the command line
  std::string arn;   // FunctionArn as ListEventSourceMappings shows it
};

// Reads a FunctionName. A name or ARN must match Lambda's FunctionName pattern (ValidationException
// with Lambda's text otherwise); `exec:` is refused (InvalidParameterValueException) unless
// `allow_command`. `region` goes into the FunctionArn of a bare name.
Result<FunctionTarget> parse_function_name(std::string_view function_name, std::string_view region, bool allow_command);

// The function's name for comparing two FunctionNames (ListEventSourceMappings' filter, duplicate
// mappings): the name part of a name or ARN, the URL or command itself otherwise.
std::string function_identity(std::string_view function_name);

}  // namespace eddy::triggers
