// LoopbackClient: the in-process tests' HTTP client. It POSTs DynamoDB JSON requests to
// 127.0.0.1 over one keep-alive connection the way tests/e2e/e2e_helpers.py's raw_request does:
// an Authorization header (any credentials; eddy does not check signatures), X-Amz-Target, and the
// JSON body; and it hands back the status and the parsed answer.
#pragma once

#include <string>
#include <string_view>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "protocol/json.h"

namespace eddy::in_process {

inline constexpr std::string_view kDynamoDb = "DynamoDB_20120810.";
inline constexpr std::string_view kStreams = "DynamoDBStreams_20120810.";

struct Answer {
  int status = 0;
  std::string body;
  JsonDocument json;

  bool ok() const { return status == 200; }
  // The short error type ("TrimmedDataAccessException" of "com.amazonaws...#TrimmedDataAccessException").
  std::string error_type() const {
    if (!json.IsObject() || !json.HasMember("__type")) return "";
    std::string type = json["__type"].GetString();
    return type.substr(type.find('#') + 1);
  }
  std::string message() const {
    return json.IsObject() && json.HasMember("message") ? json["message"].GetString() : "";
  }
};

class LoopbackClient {
 public:
  explicit LoopbackClient(unsigned short port) : socket_(io_) {
    boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"), port);
    socket_.connect(endpoint);
  }

  // `target` is the whole X-Amz-Target, e.g. std::string(kDynamoDb) + "PutItem".
  Answer call(const std::string& target, std::string_view body) {
    namespace http = boost::beast::http;
    http::request<http::string_body> request{http::verb::post, "/", 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::content_type, "application/x-amz-json-1.0");
    request.set(http::field::authorization,
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
                "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000");
    request.set("X-Amz-Target", target);
    request.body() = std::string(body);
    request.keep_alive(true);
    request.prepare_payload();
    http::write(socket_, request);
    http::response<http::string_body> response;
    http::read(socket_, buffer_, response);
    Answer answer;
    answer.status = static_cast<int>(response.result_int());
    answer.body = std::move(response.body());
    answer.json.Parse(answer.body.data(), answer.body.size());
    return answer;
  }

  Answer dynamodb(const std::string& operation, std::string_view body) {
    return call(std::string(kDynamoDb) + operation, body);
  }
  Answer streams(const std::string& operation, std::string_view body) {
    return call(std::string(kStreams) + operation, body);
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace eddy::in_process
