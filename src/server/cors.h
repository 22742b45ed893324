// CORS as DynamoDB answers it, always on: a request with an Origin gets Access-Control-Allow-Origin
// and Access-Control-Expose-Headers; a preflight (OPTIONS with an Origin) gets 200 with an empty
// body, the requested method and headers echoed, and Access-Control-Max-Age 172800. Nothing is
// added to a request without an Origin. DynamoDB Local's -cors may name the allowed origins; an
// origin not among them gets no CORS headers, so the browser refuses the answer.
#pragma once

#include <string>
#include <vector>

#include "http/http_types.h"

namespace eddy::server {

class Cors {
 public:
  // `allowed_origins`: empty (or containing "*") allows every origin.
  explicit Cors(std::vector<std::string> allowed_origins);

  static bool is_preflight(const http::Request& request);
  // The answer to a preflight (without the request id, which the caller adds).
  http::Response preflight(const http::Request& request) const;
  // Adds the headers an answer to a request with an allowed Origin carries.
  void add_headers(const http::Request& request, http::Response& response) const;

 private:
  // The Access-Control-Allow-Origin value for `request`; empty when none is due.
  std::string allowed_origin(const http::Request& request) const;

  std::vector<std::string> allowed_origins_;
};

}  // namespace eddy::server
