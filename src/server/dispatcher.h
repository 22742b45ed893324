// Dispatcher: turns one DynamoDB JSON request into one operation call and its result into
// DynamoDB's response body, in the order DynamoDB checks a request: JSON syntax
// (SerializationException), target lookup (UnknownOperationException), authentication
// (MissingAuthenticationTokenException, or with --credentials the SigV4 checks of auth/), an empty
// body (SerializationException), then the operation. Errors are rendered here with DynamoDB's
// member names. The one catch that turns a bug into InternalServerError lives here.
//
// What surrounds the JSON protocol (HTTP method and Content-Type, CORS, Content-Encoding, the
// x-amz-crc32 header) is the Endpoint's (endpoint.h).
//
// It owns one set of expression caches per worker thread and makes the worker's current for each
// request (expr/expression_cache.h), so that requests with expressions share no lock.
//
// Each request holds the request gate (request_gate.h) while it runs, so that a restore or reset
// of the admin API waits for it and it never sees half of one. Fault rules (admin/fault_rules.h)
// are matched once the request is authenticated and parsed, before its operation runs.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "admin/fault_rules.h"
#include "auth/signature_check.h"
#include "expr/expression_cache.h"
#include "http/http_types.h"
#include "model/api_error.h"
#include "model/clock.h"
#include "ops/request_context.h"
#include "protocol/json.h"
#include "server/namespaces.h"
#include "server/request_gate.h"

namespace eddy::server {

class Dispatcher {
 public:
  // `verifier`: checks SigV4 signatures (--credentials); nullptr accepts any Authorization header.
  // `workers`: how many worker threads call handle() (http::Listener::workers()).
  // `gate`: has a slot for each worker (its index is the worker's). `faults`: nullptr injects none.
  Dispatcher(ops::ServerState& state, std::size_t workers, RequestGate& gate,
             const auth::SignatureCheck* verifier = nullptr, admin::FaultRules* faults = nullptr)
      : state_(state), verifier_(verifier), caches_(workers == 0 ? 1 : workers), gate_(gate), faults_(faults) {}

  // Answers `request`, whose body, once its Content-Encoding is undone, is `json` (the signature is
  // checked against the body as sent). The response has its status, body and x-amzn-RequestId; an
  // injected fault may delay it or drop the connection instead.
  // Called on worker thread `worker` (0 to workers - 1); one worker's calls never overlap.
  http::Reply handle(const http::Request& request, std::string_view json, const std::string& request_id,
                     std::size_t worker);

  // Requests then run in the namespace of their access key and region (namespaces.h) instead of
  // on the shared state. Default: none.
  void use_namespaces(Namespaces* namespaces) { namespaces_ = namespaces; }

  // The answer to a request that no operation can serve (the server failed to start).
  static http::Response error_response(const http::Request& request, const ApiError& error,
                                       const std::string& request_id);

 private:
  // What an injected fault made of the request besides its answer.
  struct Injected {
    std::chrono::milliseconds delay{0};
    bool drop_connection = false;
  };
  Result<std::string> dispatch(const http::Request& request, std::string_view json, const std::string& request_id,
                               std::string* table, Injected& injected);
  // The access key and region of the credential scope.
  Result<auth::Signer> authenticate(const http::Request& request);
  // An injected error, or nothing (and perhaps a delay or a drop in `injected`).
  Result<void> inject(std::string_view operation, const JsonValue& document, Injected& injected);

  ops::ServerState& state_;
  const auth::SignatureCheck* verifier_;
  std::vector<expr::ExpressionCaches> caches_;  // by worker
  RequestGate& gate_;
  admin::FaultRules* faults_;
  Namespaces* namespaces_ = nullptr;
};

// DynamoDB's error body: {"__type":"<namespace>#<Code>","message":"…"} plus the error's extra
// members. SerializationException and AccessDeniedException say "Message"; an error without a
// message (UnknownOperationException, a body that is not JSON) has no message member.
std::string error_body(const ApiError& error);

}  // namespace eddy::server
