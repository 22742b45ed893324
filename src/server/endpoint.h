// Endpoint: what the DynamoDB endpoint does with an HTTP request around the JSON protocol, in
// AWS's order:
//   OPTIONS with an Origin       CORS preflight (cors.h)
//   GET (any path)               200 "healthy: <Host> " (DynamoDB's health check)
//   any other method but POST    404 <UnknownOperationException/>
//   a body whose Content-Type is neither application/x-amz-json-1.0 nor application/json: the same 404
//   Content-Encoding            undone (gzip, deflate); a broken or unknown coding is a 500, an
//                                inflated body over the limit a 413
//   then the Dispatcher (dispatcher.h), once storage is open (start_gate.h).
// Before all of this, a request under /eddy/v1/ goes to the admin API (admin_dispatcher.h), and a
// browser's GET under /console to the console (console/console.h, docs/console.md).
// Paths under /2015-03-31/, any method, are Lambda's API instead (lambda_dispatcher.h).
// Answers carry x-amzn-RequestId and x-amz-crc32 (of the body as sent, so of the compressed bytes
// when Accept-Encoding asked for gzip or deflate and the body is 4 KiB or more, as DynamoDB does),
// the request's JSON Content-Type, and CORS headers for a request with an Origin.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "console/console.h"
#include "http/http_types.h"
#include "server/admin_dispatcher.h"
#include "server/cors.h"
#include "server/lambda_dispatcher.h"
#include "server/start_gate.h"

namespace eddy::server {

struct EndpointSettings {
  std::vector<std::string> cors_origins;        // Default: empty = every origin (-cors may name some)
  std::size_t inflated_body_limit = 16u << 20;  // Default: 16 MiB, DynamoDB's largest request
  std::size_t compression_threshold = 4096;     // Default: 4 KiB, DynamoDB's
};

class Endpoint {
 public:
  // `admin`: the admin API's dispatcher; nullptr serves none. `console`: the same for the console.
  Endpoint(EndpointSettings settings, StartGate& gate, AdminDispatcher* admin = nullptr,
           const console::Console* console = nullptr);
  // Called on worker thread `worker` (see http::Handler).
  http::Reply handle(http::Request& request, std::size_t worker);
  // Lambda's API, set before the start gate opens.
  void serve_lambda(LambdaDispatcher* lambda) { lambda_.store(lambda, std::memory_order_release); }

 private:
  // The JSON protocol's answer, before compression, CRC and CORS.
  http::Reply answer(const http::Request& request, const std::string& request_id, std::size_t worker);
  void finish(const http::Request& request, http::Response& response) const;
  http::Response lambda_answer(const http::Request& request, const std::string& request_id, std::size_t worker);

  EndpointSettings settings_;
  Cors cors_;
  StartGate& gate_;
  AdminDispatcher* admin_;
  const console::Console* console_;
  std::atomic<LambdaDispatcher*> lambda_{nullptr};
};

}  // namespace eddy::server
