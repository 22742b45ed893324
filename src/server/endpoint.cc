// The HTTP surface of the DynamoDB endpoint; see endpoint.h.
#include "server/endpoint.h"

#include <cstdint>
#include <random>
#include <string_view>

#include <boost/beast/core/string.hpp>

#include <zlib.h>

#include "http/accept_encoding.h"
#include "http/content_coding.h"
#include "server/dispatcher.h"

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

constexpr const char* kAmzJson = "application/x-amz-json-1.0";
constexpr const char* kJson = "application/json";

// 52 characters of [A-Z0-9], as DynamoDB's request ids; twelve characters from each 64-bit draw
// (36^12 < 2^64), not one draw per character.
std::string new_request_id() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::string id(52, 'A');
  std::uint64_t draw = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (i % 12 == 0) draw = random();
    id[i] = kAlphabet[draw % 36];
    draw /= 36;
  }
  return id;
}

std::string_view header(const http::Request& request, bhttp::field field) {
  auto found = request.find(field);
  return found == request.end() ? std::string_view() : std::string_view(found->value().data(), found->value().size());
}

// The media type without parameters: "application/json; charset=utf-8" -> "application/json".
std::string_view media_type(const http::Request& request) {
  std::string_view type = header(request, bhttp::field::content_type);
  type = type.substr(0, type.find(';'));
  std::size_t start = type.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  return type.substr(start, type.find_last_not_of(" \t") - start + 1);
}

// Media types compare without regard to case.
bool is_media_type(std::string_view type, std::string_view expected) { return boost::beast::iequals(type, expected); }

// DynamoDB's operations take a JSON body (or none); any other media type gets the unknown-operation page.
bool has_json_body(const http::Request& request) {
  std::string_view type = media_type(request);
  return request.body().empty() || is_media_type(type, kAmzJson) || is_media_type(type, kJson);
}

void set_crc32(http::Response& response) {
  const std::string& body = response.body();
  auto crc = crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  response.set("x-amz-crc32", std::to_string(crc));
}

// What the DynamoDB endpoint answers to a method or content type outside its protocol.
http::Response unknown_operation_page(const http::Request& request, const std::string& request_id) {
  http::Response response{bhttp::status::not_found, request.version()};
  response.body() = "<UnknownOperationException/>\n";
  response.set("x-amzn-RequestId", request_id);
  set_crc32(response);
  return response;
}

http::Response health_check(const http::Request& request, const std::string& request_id) {
  http::Response response{bhttp::status::ok, request.version()};
  response.body() = "healthy: " + std::string(header(request, bhttp::field::host)) + " ";
  response.set("x-amzn-RequestId", request_id);
  set_crc32(response);
  return response;
}

ApiError decode_error(http::DecodeOutcome outcome) {
  if (outcome == http::DecodeOutcome::kTooLarge) {
    return ApiError{ErrorCode::kRequestEntityTooLarge, "Request entity too large", {}};
  }
  // DynamoDB answers a body it cannot decode, or an unknown coding, with HTTP 500.
  return ApiError::internal("The server encountered an internal error trying to fulfill the request.");
}

}  // namespace

Endpoint::Endpoint(EndpointSettings settings, StartGate& gate, AdminDispatcher* admin, const console::Console* console)
    : settings_(std::move(settings)), cors_(settings_.cors_origins), gate_(gate), admin_(admin), console_(console) {}

http::Reply Endpoint::handle(http::Request& request, std::size_t worker) {
  if (admin_ != nullptr && AdminDispatcher::is_admin_path(request.target())) return admin_->handle(request, worker);
  if (console_ != nullptr) {
    if (std::optional<http::Response> page = console_->answer(request)) return std::move(*page);
  }
  std::string request_id = new_request_id();
  if (Cors::is_preflight(request)) {
    http::Response response = cors_.preflight(request);
    response.set("x-amzn-RequestId", request_id);
    return response;
  }
  http::Reply reply;
  if (LambdaDispatcher::serves(request.target())) {
    reply = lambda_answer(request, request_id, worker);
  } else if (request.method() == bhttp::verb::get) {
    reply = health_check(request, request_id);
  } else if (request.method() != bhttp::verb::post || !has_json_body(request)) {
    reply = unknown_operation_page(request, request_id);
  } else {
    reply = answer(request, request_id, worker);
    finish(request, reply.response);
  }
  cors_.add_headers(request, reply.response);
  return reply;
}

http::Reply Endpoint::answer(const http::Request& request, const std::string& request_id, std::size_t worker) {
  std::string_view encoding = header(request, bhttp::field::content_encoding);
  http::Decoded decoded;
  if (!encoding.empty()) {
    decoded = http::decode_content(request.body(), encoding, settings_.inflated_body_limit);
    if (decoded.outcome != http::DecodeOutcome::kDecoded) {
      return Dispatcher::error_response(request, decode_error(decoded.outcome), request_id);
    }
  }
  std::string_view json = encoding.empty() ? std::string_view(request.body()) : std::string_view(decoded.body);
  Dispatcher* dispatcher = gate_.wait();
  if (dispatcher == nullptr) {
    return Dispatcher::error_response(request, ApiError::internal("eddy failed to start"), request_id);
  }
  return dispatcher->handle(request, json, request_id, worker);
}

http::Response Endpoint::lambda_answer(const http::Request& request, const std::string& request_id,
                                       std::size_t worker) {
  LambdaDispatcher* lambda = gate_.wait() == nullptr ? nullptr : lambda_.load(std::memory_order_acquire);
  if (lambda == nullptr) {
    return LambdaDispatcher::error_response(request, ApiError::internal("eddy failed to start"), request_id);
  }
  return lambda->handle(request, request_id, worker);
}

// Compression (when asked for and worth it), then the CRC of what goes on the wire, then the
// Content-Type that follows the request's.
void Endpoint::finish(const http::Request& request, http::Response& response) const {
  if (response.body().size() >= settings_.compression_threshold) {
    http::ContentCoding coding = http::preferred_coding(header(request, bhttp::field::accept_encoding));
    if (coding != http::ContentCoding::kIdentity) {
      response.body() = http::encode_content(response.body(), coding);
      response.set(bhttp::field::content_encoding, http::coding_name(coding));
    }
  }
  set_crc32(response);
  response.set(bhttp::field::content_type, is_media_type(media_type(request), kAmzJson) ? kAmzJson : kJson);
}

}  // namespace eddy::server
