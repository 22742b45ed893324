// StreamsClient on Beast; see streams_client.h.
#include "cli/streams_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cctype>
#include <chrono>
#include <cstdlib>

#include "auth/signed_request.h"
#include "auth/signer.h"
#include "protocol/json_parse.h"

namespace eddy::cli {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

struct StreamsClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  bool open = false;
};

namespace {

double now_seconds() {
  using namespace std::chrono;
  return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

// Signs `request` (its Host, Content-Type, X-Amz-Date and X-Amz-Target) as an SDK would.
void sign(bhttp::request<bhttp::string_body>& request, const ClientCredentials& credentials) {
  std::string date = auth::amz_date(now_seconds());
  request.set("X-Amz-Date", date);
  auth::SignedRequest parts = auth::signed_request_of(request);
  auth::CredentialScope scope{date.substr(0, 8), credentials.region, "dynamodb"};
  request.set(bhttp::field::authorization,
              auth::authorization_header(parts, "content-type;host;x-amz-date;x-amz-target", credentials.access_key,
                                         credentials.secret, scope, date));
}

}  // namespace

ClientCredentials ClientCredentials::from_environment() {
  ClientCredentials credentials;
  const char* key = std::getenv("AWS_ACCESS_KEY_ID");
  const char* secret = std::getenv("AWS_SECRET_ACCESS_KEY");
  if (key != nullptr && *key != '\0' && secret != nullptr && *secret != '\0') {
    credentials.access_key = key;
    credentials.secret = secret;
  }
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
    const char* region = std::getenv(name);
    if (region != nullptr && *region != '\0') {
      credentials.region = region;
      break;
    }
  }
  return credentials;
}

StreamsClient::StreamsClient(std::string host, std::string port, ClientCredentials credentials)
    : host_(std::move(host)),
      port_(std::move(port)),
      credentials_(std::move(credentials)),
      connection_(std::make_unique<Connection>()) {}

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
      request.body() = body;
      request.prepare_payload();
      sign(request, credentials_);
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

}  // namespace eddy::cli
