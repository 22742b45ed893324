// Dispatcher: turns one HTTP request into one operation call and its result into DynamoDB's
// response: target lookup (UnknownOperationException), authentication header check
// (MissingAuthenticationTokenException), JSON parsing (SerializationException), the operation, and
// the error body. Every response carries x-amzn-RequestId and x-amz-crc32. The one catch that turns
// a bug into InternalServerError lives here.
#pragma once

#include "http/http_types.h"
#include "model/api_error.h"
#include "ops/request_context.h"

namespace eddy::server {

class Dispatcher {
 public:
  explicit Dispatcher(ops::Services& services, bool cors = false) : services_(services), cors_(cors) {}
  http::Response handle(http::Request& request);
  // The answer to a request that no operation can serve (the server failed to start).
  static http::Response error_response(const http::Request& request, const ApiError& error, bool cors = false);

 private:
  ops::Services& services_;
  bool cors_;
};

}  // namespace eddy::server
