// Request -> operation -> response; see dispatcher.h.
#include "server/dispatcher.h"

#include <exception>
#include <random>

#include <spdlog/spdlog.h>
#include <zlib.h>

#include "ops/operation_table.h"
#include "protocol/json.h"
#include "server/request_log.h"

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

std::string new_request_id() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::string id(52, 'A');
  for (auto& c : id) c = kAlphabet[random() % 36];
  return id;
}

// The region of the SigV4 credential scope: Credential=<key>/<date>/<region>/<service>/aws4_request.
std::string region_of(std::string_view authorization) {
  auto start = authorization.find("Credential=");
  if (start == std::string_view::npos) return "us-east-1";
  auto scope = authorization.substr(start + 11);
  scope = scope.substr(0, scope.find_first_of(", "));
  std::size_t slash1 = scope.find('/');
  std::size_t slash2 = slash1 == std::string_view::npos ? slash1 : scope.find('/', slash1 + 1);
  std::size_t slash3 = slash2 == std::string_view::npos ? slash2 : scope.find('/', slash2 + 1);
  if (slash3 == std::string_view::npos || slash3 == slash2 + 1) return "us-east-1";
  return std::string(scope.substr(slash2 + 1, slash3 - slash2 - 1));
}

std::string error_body(const ApiError& error) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("__type");
  std::string type = error.type_name();
  writer.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
  writer.Key("message");
  writer.String(error.message.data(), static_cast<rapidjson::SizeType>(error.message.size()));
  writer.EndObject();
  std::string body(buffer.GetString(), buffer.GetSize());
  if (!error.extra_json.empty()) {
    body.pop_back();
    body += "," + error.extra_json + "}";
  }
  return body;
}

// `table`, when not null, is given the table(s) the request names, for the request's log line.
Result<std::string> dispatch(ops::Services& services, http::Request& request, const std::string& request_id,
                             std::string* table) {
  std::string_view target;
  auto target_header = request.find("X-Amz-Target");
  if (target_header != request.end()) target = target_header->value();
  auto dot = target.find('.');
  ops::Operation operation =
      dot == std::string_view::npos ? nullptr : ops::find_operation(target.substr(0, dot), target.substr(dot + 1));
  if (operation == nullptr) return fail(ApiError{ErrorCode::kUnknownOperation, "", {}});
  auto authorization = request.find(bhttp::field::authorization);
  if (authorization == request.end()) {
    return fail(ApiError{ErrorCode::kMissingAuthenticationToken, "Request is missing Authentication Token", {}});
  }
  JsonDocument document;
  document.Parse(request.body().data(), request.body().size());
  if (document.HasParseError() || !document.IsObject()) {
    return fail(ApiError::serialization("Start of structure or map found where not expected."));
  }
  if (table != nullptr) *table = tables_named_in(document);
  ops::RequestContext context{services, region_of(authorization->value()), request_id};
  return operation(context, document);
}

// Every DynamoDB answer carries its request id and the CRC32 of its body.
void finish(http::Response& response, const std::string& request_id, bool cors) {
  const std::string& text = response.body();
  auto crc = crc32(0L, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size()));
  response.set("x-amzn-RequestId", request_id);
  response.set("x-amz-crc32", std::to_string(crc));
  response.set(bhttp::field::content_type, "application/x-amz-json-1.0");
  if (cors) response.set(bhttp::field::access_control_allow_origin, "*");
}

}  // namespace

http::Response Dispatcher::error_response(const http::Request& request, const ApiError& error, bool cors) {
  http::Response response{static_cast<bhttp::status>(error.http_status()), request.version()};
  response.body() = error_body(error);
  finish(response, new_request_id(), cors);
  return response;
}

http::Response Dispatcher::handle(http::Request& request, std::size_t worker) {
  std::string request_id = new_request_id();
  http::Response response{bhttp::status::ok, request.version()};
  if (request.method() == bhttp::verb::get && request.target() == "/") {
    response.body() = "healthy: eddy";
    response.set(bhttp::field::content_type, "text/plain");
    return response;
  }
  if (cors_ && request.method() == bhttp::verb::options) {
    response.set(bhttp::field::access_control_allow_origin, "*");
    response.set(bhttp::field::access_control_allow_methods, "GET, POST, PUT, DELETE, OPTIONS");
    response.set(bhttp::field::access_control_allow_headers, "*");
    response.set(bhttp::field::access_control_max_age, "172800");
    return response;
  }
  Result<std::string> body;
  RequestLog log;
  expr::ExpressionCaches::Scope caches(caches_[worker % caches_.size()]);
  try {
    body = dispatch(services_, request, request_id, log.table());
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", request_id, e.what());
    body = fail(ApiError::internal("The server encountered an internal error trying to fulfill the request."));
  }
  if (body) {
    response.body() = std::move(*body);
  } else {
    response.result(static_cast<bhttp::status>(body.error().http_status()));
    response.body() = error_body(body.error());
  }
  finish(response, request_id, cors_);
  if (log.enabled()) log.write(request, response, body ? nullptr : &body.error());
  return response;
}

}  // namespace eddy::server
