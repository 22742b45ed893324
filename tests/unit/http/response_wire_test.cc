// The response's head, then its body, is byte for byte what Beast's serializer writes for the same message.
#include "http/response_wire.h"

#include <sstream>

#include <gtest/gtest.h>

namespace eddy::http {
namespace {

namespace bhttp = boost::beast::http;

std::string beast_text(const Response& response) {
  std::ostringstream out;
  out << response;
  return out.str();
}

std::string wire_text(const Response& response) {
  std::string out = "stale";
  write_wire_head(response, out);
  return out + response.body();
}

TEST(ResponseWire, AnAnswerWithFieldsAndABody) {
  Response response{bhttp::status::ok, 11};
  response.set("x-amzn-RequestId", "ABC123");
  response.set(bhttp::field::content_type, "application/x-amz-json-1.0");
  response.set("x-amz-crc32", "2745614147");
  response.set(bhttp::field::connection, "keep-alive");
  response.body() = R"({"Item":{"pk":{"S":"k"}}})";
  response.prepare_payload();
  EXPECT_EQ(wire_text(response), beast_text(response));
  EXPECT_EQ(wire_text(response).substr(0, 17), "HTTP/1.1 200 OK\r\n");
}

TEST(ResponseWire, ErrorStatusesAndTheirReasons) {
  for (auto status : {bhttp::status::bad_request, bhttp::status::not_found, bhttp::status::payload_too_large,
                      bhttp::status::internal_server_error, bhttp::status::service_unavailable}) {
    Response response{status, 11};
    response.body() = R"({"__type":"x"})";
    response.prepare_payload();
    EXPECT_EQ(wire_text(response), beast_text(response)) << static_cast<int>(status);
  }
}

TEST(ResponseWire, HttpOneZeroAndACustomReason) {
  Response response{bhttp::status::ok, 10};
  response.reason("Fine");
  response.set(bhttp::field::server, "eddy");
  response.prepare_payload();
  EXPECT_EQ(wire_text(response), beast_text(response));
  EXPECT_EQ(wire_text(response).substr(0, 19), "HTTP/1.0 200 Fine\r\n");
}

TEST(ResponseWire, TheHeadEndsWithTheBlankLine) {
  Response response{bhttp::status::ok, 11};
  response.body() = "healthy: h ";
  response.prepare_payload();
  std::string head;
  write_wire_head(response, head);
  EXPECT_EQ(head, "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n");
}

}  // namespace
}  // namespace eddy::http
