// One HTTP(S) exchange on Beast; see http_client.h.
#include "triggers/http_client.h"

#include <chrono>
#include <exception>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace eddy::triggers {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kBodyLimit = 16u << 20;
constexpr auto kSlice = std::chrono::milliseconds(100);

std::chrono::steady_clock::duration seconds(double value) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(value));
}

bhttp::request<bhttp::string_body> build_request(const HttpUrl& url, const HttpExchange& exchange) {
  bhttp::verb verb = bhttp::string_to_verb(exchange.method);
  bhttp::request<bhttp::string_body> request{verb, exchange.target.empty() ? url.target : exchange.target, 11};
  bool default_port = url.port == (url.tls ? "443" : "80");
  request.set(bhttp::field::host, default_port ? url.host : url.host + ":" + url.port);
  request.set(bhttp::field::user_agent, "eddy");
  for (const auto& [name, value] : exchange.headers) request.set(name, value);
  request.body() = exchange.body;
  request.keep_alive(false);
  request.prepare_payload();
  return request;
}

HttpReply to_reply(bhttp::response<bhttp::string_body>& response) {
  HttpReply reply;
  reply.status = static_cast<int>(response.result_int());
  reply.body = std::move(response.body());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  return reply;
}

// Writes the request and reads the answer on a connected stream (plain or TLS).
template <typename Stream>
asio::awaitable<void> exchange_on(Stream& stream, bhttp::request<bhttp::string_body>& request, HttpReply& reply) {
  co_await bhttp::async_write(stream, request, asio::use_awaitable);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kBodyLimit);
  co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
  reply = to_reply(parser.get());
}

asio::awaitable<void> run_exchange(const HttpUrl& url, const HttpExchange& exchange, asio::ssl::context* tls,
                                   HttpReply& reply) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  beast::tcp_stream tcp_stream(executor);
  tcp_stream.expires_after(seconds(exchange.connect_timeout_seconds));
  auto endpoints = co_await resolver.async_resolve(url.host, url.port, asio::use_awaitable);
  co_await tcp_stream.async_connect(endpoints, asio::use_awaitable);
  auto request = build_request(url, exchange);
  if (tls == nullptr) {
    tcp_stream.expires_after(seconds(exchange.timeout_seconds));
    co_await exchange_on(tcp_stream, request, reply);
    co_return;
  }
  beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), *tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str())) {
    throw beast::system_error(beast::error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()));
  }
  stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
  co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
  beast::get_lowest_layer(stream).expires_after(seconds(exchange.timeout_seconds));
  co_await exchange_on(stream, request, reply);
}

}  // namespace

std::optional<HttpUrl> parse_http_url(std::string_view text) {
  HttpUrl url;
  if (text.starts_with("https://")) {
    url.tls = true;
    text.remove_prefix(8);
  } else if (text.starts_with("http://")) {
    text.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  std::size_t slash = text.find('/');
  std::string_view authority = text.substr(0, slash);
  if (slash != std::string_view::npos) url.target = std::string(text.substr(slash));
  std::size_t colon = authority.rfind(':');
  bool bracketed = authority.starts_with('[');
  if (colon != std::string_view::npos && (!bracketed || authority[colon - 1] == ']')) {
    url.host = std::string(authority.substr(0, colon));
    url.port = std::string(authority.substr(colon + 1));
  } else {
    url.host = std::string(authority);
    url.port = url.tls ? "443" : "80";
  }
  if (url.host.size() > 2 && url.host.front() == '[' && url.host.back() == ']')
    url.host = url.host.substr(1, url.host.size() - 2);
  if (url.host.empty() || url.port.empty() || url.port.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return url;
}

Result<HttpReply> send_http(const HttpUrl& url, const HttpExchange& exchange, const std::atomic<bool>* cancel) {
  std::unique_ptr<asio::ssl::context> tls;
  if (url.tls) {
    tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
    tls->set_default_verify_paths();
    tls->set_verify_mode(asio::ssl::verify_peer);
  }
  HttpReply reply;
  std::exception_ptr failure;
  bool done = false;
  // Declared last, so destroyed first: a stopped exchange's coroutine goes before what it uses.
  asio::io_context io;
  asio::co_spawn(io, run_exchange(url, exchange, tls.get(), reply), [&](std::exception_ptr error) {
    failure = std::move(error);
    done = true;
  });
  while (!done && !io.stopped()) {
    io.run_for(kSlice);
    if (!done && cancel != nullptr && cancel->load()) {
      io.stop();
      return fail(ApiError::internal("cancelled"));
    }
  }
  if (!done) return fail(ApiError::internal("stopped"));
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const beast::system_error& e) {
      std::string what = e.code() == beast::error::timeout ? std::string("timed out") : e.code().message();
      return fail(ApiError::internal(what));
    } catch (const std::exception& e) {
      return fail(ApiError::internal(e.what()));
    }
  }
  return reply;
}

}  // namespace eddy::triggers
