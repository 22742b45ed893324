// How eddy reads one HTTP request: Beast's request parser with the header and body limits of
// ListenerOptions, and what each way a read can fail means for the connection. The session applies
// it to sockets; fuzz/http_request.cc feeds it bytes under the same limits, so that what is fuzzed
// is what a client reaches.
#pragma once

#include <optional>

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/listener.h"

namespace eddy::http {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Replaces `parser` by a fresh one for the next request of a connection, with the body limit
// (ListenerOptions::body_limit) and the limit on the request line and headers (header_limit).
void prepare_request_parser(std::optional<RequestParser>& parser, const ListenerOptions& options);

enum class ReadOutcome {
  kRequest,       // a whole request was read
  kBodyTooLarge,  // answer 413, then drain what the client still sends
  kMalformed,     // not HTTP, or a request line or headers over the limit: answer 400 and close
  kClosed,        // the client closed the connection (between requests or within one): close quietly
  kFailed,        // a socket error or the deadline: close
};

// What the result of a read means; `error` is what Beast's read reported.
ReadOutcome read_outcome(const boost::beast::error_code& error);

}  // namespace eddy::http
