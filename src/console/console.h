// Console: the HTTP side of the browser console (docs/console.md). The Endpoint asks it first about
// every request; it answers only
//   GET /console, /console/ or /console/index.html whose Accept asks for text/html: the page;
//   GET /console/<asset> for the other embedded files (asset_table.h), whatever the Accept;
// and leaves every other request (another method, an unknown path under /console/, the page asked
// for without text/html) to the Endpoint, which answers it as any other path. What it answers is
//   403 text/plain when the console is not allowed (eddy listens on an address that is not loopback
//     and was started without --admin: the admin API's rule, server/admin_dispatcher.h);
//   304 when If-None-Match names the file's ETag;
//   200 with the file's Content-Type, its ETag, Cache-Control: no-cache (so a browser revalidates,
//     and a rebuilt eddy's files are seen at once), and a Content-Security-Policy that lets the page
//     load and call only its own origin.
// The page itself then talks to eddy through DynamoDB's JSON API at the same origin.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/http_types.h"

namespace eddy::console {

class Console {
 public:
  // `allowed`: whether the console may be served; when not, `host` (the listening address) is
  // named in the refusal.
  Console(bool allowed, std::string host) : allowed_(allowed), host_(std::move(host)) {}

  // The console's answer, or nullopt when the request is not the console's.
  std::optional<http::Response> answer(const http::Request& request) const;

  // Whether an Accept header value asks for text/html (a text/html or text/* range whose q is not 0).
  static bool accepts_html(std::string_view accept);

 private:
  http::Response refusal(const http::Request& request) const;

  bool allowed_;
  std::string host_;
};

}  // namespace eddy::console
