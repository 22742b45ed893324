// Invokers over HTTP: Lambda's Invoke API (POST <endpoint>/2015-03-31/functions/<name>/invocations,
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html) — what the Runtime Interface
// Emulator in AWS's base images, `sam local start-lambda` and other local Lambda hosts serve —
// and webhooks, which get the same request at their own URL.
#include <cstdio>

#include "triggers/http_client.h"
#include "triggers/invoker.h"

namespace eddy::triggers {
namespace {

// Percent-encodes a path segment (a function name is [A-Za-z0-9-_], but a qualifier may be $LATEST).
std::string encode_segment(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      out += escaped;
    }
  }
  return out;
}

class HttpInvoker : public Invoker {
 public:
  HttpInvoker(HttpUrl url, double timeout_seconds) : url_(std::move(url)), timeout_seconds_(timeout_seconds) {}

  InvokeOutcome invoke(const std::string& event, const std::atomic<bool>& cancel) override {
    HttpExchange exchange;
    exchange.headers = {
        {"Content-Type", "application/json"}, {"X-Amz-Invocation-Type", "RequestResponse"}, {"X-Amz-Log-Type", "None"}};
    exchange.body = event;
    exchange.timeout_seconds = timeout_seconds_;
    InvokeOutcome outcome;
    auto reply = send_http(url_, exchange, &cancel);
    if (!reply) {
      outcome.kind = InvokeOutcome::Kind::kUnreachable;
      outcome.problem = reply.error().message;
      // A deadline that passed means the function ran too long: Lambda's timeout is a function error.
      if (outcome.problem == "timed out") {
        outcome.kind = InvokeOutcome::Kind::kFunctionError;
        outcome.function_error = "Unhandled";
      }
      return outcome;
    }
    outcome.status = reply->status;
    outcome.body = std::move(reply->body);
    if (auto version = reply->headers.find("x-amz-executed-version"); version != reply->headers.end()) {
      outcome.executed_version = version->second;
    }
    auto error = reply->headers.find("x-amz-function-error");
    if (error != reply->headers.end() || reply->status < 200 || reply->status > 299) {
      outcome.kind = InvokeOutcome::Kind::kFunctionError;
      outcome.function_error = error != reply->headers.end() ? error->second : "Unhandled";
      outcome.problem = "HTTP " + std::to_string(reply->status) +
                        (error != reply->headers.end() ? ", X-Amz-Function-Error: " + error->second : "");
    }
    return outcome;
  }

 private:
  HttpUrl url_;
  double timeout_seconds_;
};

}  // namespace

std::unique_ptr<Invoker> make_command_invoker(const std::string& command, const InvokerSettings& settings);

std::unique_ptr<Invoker> make_invoker(const FunctionTarget& target, const InvokerSettings& settings,
                                      std::string& error) {
  if (target.kind == FunctionKind::kCommand) return make_command_invoker(target.name, settings);
  std::string url_text = target.name;
  if (target.kind == FunctionKind::kLambda) {
    if (settings.lambda_endpoint.empty()) {
      error = "eddy runs without --lambda-endpoint";
      return nullptr;
    }
    std::string base = settings.lambda_endpoint;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::string name = target.name, qualifier;
    if (auto colon = name.find(':'); colon != std::string::npos) {
      qualifier = name.substr(colon + 1);
      name = name.substr(0, colon);
    }
    url_text = base + "/2015-03-31/functions/" + encode_segment(name) + "/invocations" +
               (qualifier.empty() ? "" : "?Qualifier=" + encode_segment(qualifier));
  }
  auto url = parse_http_url(url_text);
  if (!url) {
    error = "not an http:// or https:// URL: " + url_text;
    return nullptr;
  }
  return std::make_unique<HttpInvoker>(std::move(*url), settings.timeout_seconds);
}

}  // namespace eddy::triggers
