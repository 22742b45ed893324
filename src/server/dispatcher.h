// Dispatcher: turns one HTTP request into one operation call and its result into DynamoDB's
// response: target lookup (UnknownOperationException), authentication header check
// (MissingAuthenticationTokenException), JSON parsing (SerializationException), the operation, and
// the error body. Every response carries x-amzn-RequestId and x-amz-crc32. The one catch that turns
// a bug into InternalServerError lives here.
//
// It owns one set of expression caches per worker thread and makes the worker's current for each
// request (expr/expression_cache.h), so that requests with expressions share no lock.
#pragma once

#include <cstddef>
#include <vector>

#include "expr/expression_cache.h"
#include "http/http_types.h"
#include "model/api_error.h"
#include "ops/request_context.h"

namespace eddy::server {

class Dispatcher {
 public:
  // `workers`: how many worker threads call handle() (http::Listener::workers()).
  Dispatcher(ops::Services& services, std::size_t workers, bool cors = false)
      : services_(services), cors_(cors), caches_(workers == 0 ? 1 : workers) {}
  // Called on worker thread `worker` (0 to workers - 1); one worker's calls never overlap.
  http::Response handle(http::Request& request, std::size_t worker);
  // The answer to a request that no operation can serve (the server failed to start).
  static http::Response error_response(const http::Request& request, const ApiError& error, bool cors = false);

 private:
  ops::Services& services_;
  bool cors_;
  std::vector<expr::ExpressionCaches> caches_;  // by worker
};

}  // namespace eddy::server
