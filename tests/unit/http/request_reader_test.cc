// The request reader's limits and what each failed read means, fed from memory as fuzz/http_request.cc
// feeds it (the session reads sockets with the same parser and the same outcomes).
#include "http/request_reader.h"

#include <gtest/gtest.h>

namespace eddy::http {
namespace {

namespace bhttp = boost::beast::http;

// What reading `bytes` (then the end of the connection) with eddy's parser comes to.
ReadOutcome read_from(const std::string& bytes, const ListenerOptions& options = {}) {
  std::optional<RequestParser> parser;
  prepare_request_parser(parser, options);
  parser->eager(true);
  boost::beast::error_code error;
  std::size_t used = parser->put(boost::asio::buffer(bytes), error);
  if (error == bhttp::error::need_more && used == bytes.size()) parser->put_eof(error);
  if (!error && !parser->is_done()) error = bhttp::error::partial_message;
  return read_outcome(error);
}

TEST(RequestReader, AWholeRequest) {
  EXPECT_EQ(read_from("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}"), ReadOutcome::kRequest);
  EXPECT_EQ(read_outcome({}), ReadOutcome::kRequest);
}

TEST(RequestReader, HeadersOverTheLimitAreMalformed) {
  ListenerOptions options;
  std::string big(options.header_limit, 'a');
  EXPECT_EQ(read_from("POST / HTTP/1.1\r\nX: " + big + "\r\n\r\n", options), ReadOutcome::kMalformed);
  EXPECT_EQ(read_from("NOT HTTP AT ALL\r\n\r\n"), ReadOutcome::kMalformed);
}

TEST(RequestReader, BodyOverTheLimitIsTooLarge) {
  ListenerOptions options;
  options.body_limit = 4;
  EXPECT_EQ(read_from("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n12345", options), ReadOutcome::kBodyTooLarge);
  EXPECT_EQ(read_from("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\n1234", options), ReadOutcome::kRequest);
}

TEST(RequestReader, ClosedConnectionsAndSocketErrors) {
  EXPECT_EQ(read_from("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n12"), ReadOutcome::kClosed);
  EXPECT_EQ(read_outcome(bhttp::error::end_of_stream), ReadOutcome::kClosed);
  EXPECT_EQ(read_outcome(boost::asio::error::connection_reset), ReadOutcome::kFailed);
  EXPECT_EQ(read_outcome(boost::asio::error::timed_out), ReadOutcome::kFailed);
}

}  // namespace
}  // namespace eddy::http
