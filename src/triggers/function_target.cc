// FunctionName parsing; see function_target.h.
#include "triggers/function_target.h"

#include <regex>

namespace eddy::triggers {
namespace {

constexpr std::string_view kCommandPrefix = "exec:";

// Lambda's FunctionName pattern, from its API model; quoted in its ValidationException.
constexpr const char* kFunctionNamePattern =
    "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)"
    "(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

bool is_url(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }

ApiError invalid_name(std::string_view name, const char* constraint) {
  return ApiError::validation("1 validation error detected: Value '" + std::string(name) +
                              "' at 'functionName' failed to satisfy constraint: " + constraint);
}

}  // namespace

std::string function_identity(std::string_view function_name) {
  if (is_url(function_name) || function_name.starts_with(kCommandPrefix)) return std::string(function_name);
  // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER] or ACCOUNT:function:NAME[:QUALIFIER]
  std::string_view rest = function_name;
  if (auto at = rest.find("function:"); at != std::string_view::npos) rest = rest.substr(at + 9);
  return std::string(rest);
}

Result<FunctionTarget> parse_function_name(std::string_view function_name, std::string_view region,
                                           bool allow_command) {
  FunctionTarget target;
  if (function_name.empty())
    return fail(invalid_name(function_name, "Member must have length greater than or equal to 1"));
  if (function_name.starts_with(kCommandPrefix)) {
    if (!allow_command) {
      return fail(ApiError{ErrorCode::kInvalidParameterValue,
                           "A FunctionName of the form exec:COMMAND is accepted only from the "
                           "--event-source-mappings file.",
                           {}});
    }
    std::string command(function_name.substr(kCommandPrefix.size()));
    if (command.find_first_not_of(" \t") == std::string::npos) {
      return fail(ApiError{ErrorCode::kInvalidParameterValue, "exec: needs a command line.", {}});
    }
    return FunctionTarget{FunctionKind::kCommand, command, std::string(function_name)};
  }
  if (is_url(function_name))
    return FunctionTarget{FunctionKind::kWebhook, std::string(function_name), std::string(function_name)};
  if (function_name.size() > 140)
    return fail(invalid_name(function_name, "Member must have length less than or equal to 140"));
  static const std::regex pattern(kFunctionNamePattern);
  if (!std::regex_match(function_name.begin(), function_name.end(), pattern)) {
    return fail(
        invalid_name(function_name,
                     (std::string("Member must satisfy regular expression pattern: ") + kFunctionNamePattern).c_str()));
  }
  target.kind = FunctionKind::kLambda;
  target.name = function_identity(function_name);
  if (function_name.starts_with("arn:")) {
    target.arn = std::string(function_name);
  } else if (function_name.find(":function:") != std::string_view::npos) {
    target.arn = "arn:aws:lambda:" + std::string(region) + ":" + std::string(function_name);  // ACCOUNT:function:NAME
  } else {
    target.arn = "arn:aws:lambda:" + std::string(region) + ":000000000000:function:" + target.name;
  }
  return target;
}

}  // namespace eddy::triggers
