// Fuzz target: the HTTP request reader (http/request_reader.h: Beast's parser with the limits eddy
// reads every connection with) and the endpoint behind it (server/endpoint.h: CORS, the health
// check, the 404 page, Content-Encoding), as one connection sees them. The input is
//   chunk:u8 bytes
// the bytes a client sends, arriving chunk % 64 + 1 bytes at a time, read with Beast's own read loop
// as the session reads them, request after request while the connection is kept alive. The endpoint
// answers without storage (as when the start failed), so a request that reaches the JSON protocol
// gets InternalServerError; everything before that is the real code. Properties: every answer,
// serialized as the session sends it, is one well-formed HTTP response that a client parses back
// with the same status and body; header values never carry CR or LF.
#include <sstream>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "fuzz_check.h"
#include "http/request_reader.h"
#include "server/endpoint.h"

namespace {

using namespace eddy;
namespace bhttp = boost::beast::http;

// A SyncReadStream over the input: at most `chunk` bytes per read_some, then end of stream.
class ChunkedStream {
 public:
  ChunkedStream(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}

  template <class Buffers>
  std::size_t read_some(const Buffers& buffers, boost::beast::error_code& error) {
    error = {};
    if (bytes_.empty()) {
      error = boost::asio::error::eof;
      return 0;
    }
    std::size_t n =
        boost::asio::buffer_copy(buffers, boost::asio::buffer(bytes_.data(), std::min(chunk_, bytes_.size())));
    bytes_.remove_prefix(n);
    return n;
  }
  template <class Buffers>
  std::size_t read_some(const Buffers& buffers) {
    boost::beast::error_code error;
    return read_some(buffers, error);
  }

 private:
  std::string_view bytes_;
  std::size_t chunk_;
};

// Serializes `response` as the session writes it and reads it back as a client would.
void check_wire_form(http::Response& response) {
  response.set(bhttp::field::server, "Server");
  response.set(bhttp::field::date, "Thu, 01 Jan 2026 00:00:00 GMT");
  response.prepare_payload();
  for (const auto& field : response) {
    FUZZ_CHECK(field.value().find_first_of("\r\n") == boost::beast::string_view::npos);
  }
  std::ostringstream wire;
  wire << response;
  std::string text = wire.str();
  bhttp::response_parser<bhttp::string_body> parser;
  parser.eager(true);
  boost::beast::error_code error;
  parser.put(boost::asio::buffer(text), error);
  if (error == bhttp::error::need_more) parser.put_eof(error);
  FUZZ_CHECK(!error && parser.is_done());
  FUZZ_CHECK(parser.get().result_int() == response.result_int());
  FUZZ_CHECK(parser.get().body() == response.body());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static server::StartGate gate;
  static const bool start_failed = (gate.fail(), true);
  (void)start_failed;
  static server::Endpoint endpoint(server::EndpointSettings{}, gate);
  http::ListenerOptions options;  // the defaults eddy serves with
  ChunkedStream stream(fuzz::text_of(data + 1, size - 1), data[0] % 64 + 1);
  boost::beast::flat_buffer buffer;
  std::optional<http::RequestParser> parser;
  for (int requests = 0; requests < 16; ++requests) {
    http::prepare_request_parser(parser, options);
    boost::beast::error_code error;
    bhttp::read(stream, buffer, *parser, error);
    if (http::read_outcome(error) != http::ReadOutcome::kRequest) break;
    http::Request request = parser->release();
    FUZZ_CHECK(request.body().size() <= options.body_limit);
    http::Response response = endpoint.handle(request, 0).response;  // no faults: a plain answer
    check_wire_form(response);
    if (!request.keep_alive()) break;
  }
  return 0;
}
