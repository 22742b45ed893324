// SignedRequest: the parts of an HTTP request that a SigV4 signature covers, as they arrived on the
// wire, without Beast or any other HTTP library: the signature module reads these and nothing else.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eddy::auth {

struct SignedRequest {
  std::string_view method;  // "POST"
  std::string_view target;  // the request target as sent: path, then '?' and the query
  // Every header field in arrival order, names in lower case; a name may repeat.
  std::vector<std::pair<std::string, std::string_view>> headers;
  std::string_view body;  // as sent (before any Content-Encoding is undone)

  // The values of header `name` (lower case) joined with ',' as SigV4 canonicalises them; empty
  // when absent. `present` tells the two apart.
  std::string header(std::string_view name, bool* present = nullptr) const;
  // The first value of header `name` exactly as sent; empty when absent.
  std::string_view raw_header(std::string_view name) const;
  std::string_view path() const;   // target before '?'
  std::string_view query() const;  // target after '?', or empty
};

// The SignedRequest of an HTTP library's request (Beast's, in eddy's server and clients): anything
// with method_string(), target(), body() and header fields with name_string() and value(). The
// result refers to the request's text, so the request must outlive it.
template <typename Request>
SignedRequest signed_request_of(const Request& request) {
  SignedRequest out;
  out.method = request.method_string();
  out.target = request.target();
  out.body = request.body();
  for (const auto& field : request) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), field.value());
  }
  return out;
}

// The query's parameters, percent-decoded, in their order; "a&b=" gives {"a",""}, {"b",""}.
std::vector<std::pair<std::string, std::string>> query_parameters(std::string_view query);

}  // namespace eddy::auth
