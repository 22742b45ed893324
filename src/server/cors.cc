// DynamoDB's CORS headers; see cors.h. The exposed headers are AWS's list (recorded from
// dynamodb.us-east-1.amazonaws.com) plus x-amz-crc32, so that a page can check the CRC too.
#include "server/cors.h"

#include <algorithm>

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

constexpr const char* kExposeHeaders = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date,x-amz-crc32";
constexpr const char* kMaxAgeSeconds = "172800";

}  // namespace

Cors::Cors(std::vector<std::string> allowed_origins) : allowed_origins_(std::move(allowed_origins)) {
  if (std::find(allowed_origins_.begin(), allowed_origins_.end(), "*") != allowed_origins_.end()) {
    allowed_origins_.clear();
  }
}

bool Cors::is_preflight(const http::Request& request) {
  return request.method() == bhttp::verb::options && request.find(bhttp::field::origin) != request.end();
}

std::string Cors::allowed_origin(const http::Request& request) const {
  auto origin = request.find(bhttp::field::origin);
  if (origin == request.end()) return {};
  if (allowed_origins_.empty()) return "*";
  std::string value(origin->value());
  bool allowed = std::find(allowed_origins_.begin(), allowed_origins_.end(), value) != allowed_origins_.end();
  return allowed ? value : std::string();
}

void Cors::add_headers(const http::Request& request, http::Response& response) const {
  std::string origin = allowed_origin(request);
  if (origin.empty()) return;
  response.set(bhttp::field::access_control_allow_origin, origin);
  if (origin != "*") response.set(bhttp::field::vary, "Origin");
  response.set(bhttp::field::access_control_expose_headers, kExposeHeaders);
}

http::Response Cors::preflight(const http::Request& request) const {
  http::Response response{bhttp::status::ok, request.version()};
  std::string origin = allowed_origin(request);
  if (origin.empty()) return response;
  add_headers(request, response);
  if (auto headers = request.find(bhttp::field::access_control_request_headers); headers != request.end()) {
    response.set(bhttp::field::access_control_allow_headers, headers->value());
  }
  if (auto method = request.find(bhttp::field::access_control_request_method); method != request.end()) {
    response.set(bhttp::field::access_control_allow_methods, method->value());
  }
  response.set(bhttp::field::access_control_max_age, kMaxAgeSeconds);
  return response;
}

}  // namespace eddy::server
