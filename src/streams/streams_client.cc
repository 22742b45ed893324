// StreamsClient on Beast; see streams_client.h.
#include "streams/streams_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "protocol/json_parse.h"

namespace eddy::streams {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

struct StreamsClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  bool open = false;
};

StreamsClient::StreamsClient(std::string host, std::string port)
    : host_(std::move(host)), port_(std::move(port)), connection_(std::make_unique<Connection>()) {}

StreamsClient::~StreamsClient() = default;

bool StreamsClient::call(const std::string& target, const std::string& body, JsonDocument& response,
                         std::string& error) {
  // One retry on a fresh connection: the server may have closed an idle keep-alive connection.
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      Connection& c = *connection_;
      if (!c.open) {
        asio::ip::tcp::resolver resolver(c.io);
        c.stream.connect(resolver.resolve(host_, port_));
        c.open = true;
      }
      bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/", 11};
      request.set(bhttp::field::host, host_);
      request.set(bhttp::field::content_type, "application/x-amz-json-1.0");
      request.set("X-Amz-Target", target);
      request.set(bhttp::field::authorization,
                  "AWS4-HMAC-SHA256 Credential=eddy/20260101/us-east-1/dynamodb/aws4_request, "
                  "SignedHeaders=host, Signature=0");
      request.body() = body;
      request.prepare_payload();
      bhttp::write(c.stream, request);
      beast::flat_buffer buffer;
      bhttp::response<bhttp::string_body> reply;
      bhttp::read(c.stream, buffer, reply);
      if (!reply.keep_alive()) {
        c.stream.close();
        c.open = false;
      }
      if (parse_json(reply.body(), response) != JsonParseOutcome::kParsed || !response.IsObject()) {
        error = "unexpected answer: " + reply.body();
        return false;
      }
      if (reply.result_int() != 200) {
        auto message = response.FindMember("message");
        error = reply.body();
        if (message != response.MemberEnd() && message->value.IsString()) error = message->value.GetString();
        return false;
      }
      return true;
    } catch (const std::exception& e) {
      connection_ = std::make_unique<Connection>();
      error = std::string("cannot reach ") + host_ + ":" + port_ + ": " + e.what();
    }
  }
  return false;
}

bool parse_endpoint(const std::string& endpoint, std::string& host, std::string& port) {
  std::string rest = endpoint;
  if (auto scheme = rest.find("://"); scheme != std::string::npos) rest = rest.substr(scheme + 3);
  if (auto slash = rest.find('/'); slash != std::string::npos) rest = rest.substr(0, slash);
  auto colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) return false;
  host = rest.substr(0, colon);
  port = rest.substr(colon + 1);
  return true;
}

}  // namespace eddy::streams
