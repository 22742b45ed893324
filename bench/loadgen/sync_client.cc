// The blocking client; see sync_client.h. Reconnects once if the server closed the connection.
#include "sync_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace eddy::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

struct SyncClient::Impl {
  Endpoint endpoint;
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  bool connected = false;

  // Beast receives at most the buffer's free capacity at a time: reserve room for a 1 MB answer.
  Impl() { buffer.reserve(std::size_t{1024} * 1024); }

  void connect() {
    asio::ip::tcp::resolver resolver(io);
    stream.connect(resolver.resolve(endpoint.host, endpoint.port));
    stream.socket().set_option(asio::ip::tcp::no_delay(true));
    connected = true;
  }

  Answer exchange(const std::string& target, const std::string& body) {
    if (!connected) connect();
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/", 11};
    request.set(bhttp::field::host, endpoint.host);
    request.set(bhttp::field::content_type, "application/x-amz-json-1.0");
    request.set("X-Amz-Target", target);
    request.set(bhttp::field::authorization, kAuthorization);
    request.set("X-Amz-Date", kAmzDate);
    request.body() = body;
    request.prepare_payload();
    bhttp::write(stream, request);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(std::uint64_t{64} * 1024 * 1024);
    bhttp::read(stream, buffer, parser);
    auto response = parser.release();
    if (!response.keep_alive()) {
      beast::error_code ignored;
      stream.socket().close(ignored);
      connected = false;
    }
    return {static_cast<int>(response.result_int()), std::move(response.body())};
  }
};

SyncClient::SyncClient(const Endpoint& endpoint) : impl_(std::make_unique<Impl>()) { impl_->endpoint = endpoint; }
SyncClient::~SyncClient() = default;

Answer SyncClient::call(const std::string& operation, const std::string& body) {
  std::string target = target_of(operation);
  try {
    return impl_->exchange(target, body);
  } catch (const std::exception&) {
    beast::error_code ignored;
    impl_->stream.socket().close(ignored);
    impl_->connected = false;
    try {
      return impl_->exchange(target, body);
    } catch (const std::exception& error) {
      return {0, error.what()};
    }
  }
}

std::string target_of(const std::string& operation) {
  if (operation.find('.') != std::string::npos) return operation;
  static constexpr const char* kStreamOperations[] = {"DescribeStream", "GetRecords", "GetShardIterator",
                                                      "ListStreams"};
  for (const char* name : kStreamOperations) {
    if (operation == name) return "DynamoDBStreams_20120810." + operation;
  }
  return "DynamoDB_20120810." + operation;
}

rapidjson::Document parse(const std::string& body) {
  rapidjson::Document document;
  document.Parse(body.data(), body.size());
  if (document.HasParseError()) document.SetNull();
  return document;
}

}  // namespace eddy::bench
