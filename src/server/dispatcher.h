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
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "auth/signature_check.h"
#include "expr/expression_cache.h"
#include "http/http_types.h"
#include "model/api_error.h"
#include "model/clock.h"
#include "ops/request_context.h"

namespace eddy::server {

class Dispatcher {
 public:
  // `verifier`: checks SigV4 signatures (--credentials); nullptr accepts any Authorization header.
  // `workers`: how many worker threads call handle() (http::Listener::workers()).
  Dispatcher(ops::ServerState& state, std::size_t workers, const auth::SignatureCheck* verifier = nullptr)
      : state_(state), verifier_(verifier), caches_(workers == 0 ? 1 : workers) {}

  // Answers `request`, whose body, once its Content-Encoding is undone, is `json` (the signature is
  // checked against the body as sent). The response has its status, body and x-amzn-RequestId.
  // Called on worker thread `worker` (0 to workers - 1); one worker's calls never overlap.
  http::Response handle(const http::Request& request, std::string_view json, const std::string& request_id,
                        std::size_t worker);

  // The answer to a request that no operation can serve (the server failed to start).
  static http::Response error_response(const http::Request& request, const ApiError& error,
                                       const std::string& request_id);

 private:
  Result<std::string> dispatch(const http::Request& request, std::string_view json, const std::string& request_id,
                               std::string* table);
  Result<std::string> authenticate(const http::Request& request);

  ops::ServerState& state_;
  const auth::SignatureCheck* verifier_;
  std::vector<expr::ExpressionCaches> caches_;  // by worker
};

// DynamoDB's error body: {"__type":"<namespace>#<Code>","message":"…"} plus the error's extra
// members. SerializationException and AccessDeniedException say "Message"; an error without a
// message (UnknownOperationException, a body that is not JSON) has no message member.
std::string error_body(const ApiError& error);

}  // namespace eddy::server
