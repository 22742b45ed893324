// HttpClient: the one-shot HTTP(S) exchange that invokes a function (Lambda's Invoke API, a
// webhook) and that `eddy triggers list` asks eddy with. Beast on an io_context of its own, on the
// calling thread — a trigger's thread, never a request worker — with a deadline for the connection
// and one for the whole exchange, and a cancel flag that stops it within a tenth of a second (eddy
// shutting down, a mapping deleted).
#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/api_error.h"

namespace eddy::triggers {

struct HttpUrl {
  bool tls = false;
  std::string host;
  std::string port;          // Default: 80, or 443 with https
  std::string target = "/";  // path and query
};

// "http://host[:port][/path]" or "https://..."; nullopt for anything else.
std::optional<HttpUrl> parse_http_url(std::string_view url);

struct HttpExchange {
  std::string method = "POST";
  std::string target;  // Default: empty = the URL's target
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  double connect_timeout_seconds = 10;  // resolving and connecting (and the TLS handshake)
  double timeout_seconds = 300;         // the whole exchange
};

struct HttpReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
};

// Sends the exchange and reads the whole answer (at most 16 MiB). An error (InternalServerError
// with a message for the log) when it could not: no connection, a deadline passed, `cancel` set,
// a broken answer.
Result<HttpReply> send_http(const HttpUrl& url, const HttpExchange& exchange,
                            const std::atomic<bool>* cancel = nullptr);

}  // namespace eddy::triggers
