// Reading the Authorization header or the presigned query; see signature_parts.h. The texts are
// AWS's, as recorded by the dynalite project against DynamoDB.
#include "auth/signature_parts.h"

#include <cstdlib>
#include <ctime>
#include <map>
#include <utility>

namespace eddy::auth {
namespace {

constexpr const char* kMissingToken = "Request is missing Authentication Token";

tl::unexpected<ApiError> incomplete(std::string message) {
  return fail(ApiError{ErrorCode::kIncompleteSignature, std::move(message), {}});
}

// "Tue, 01 Dec 2026 08:59:10 GMT" -> "20261201T085910Z"; empty when it does not parse.
std::string basic_format_of_http_date(const std::string& date) {
  std::tm parts{};
  const char* end = strptime(date.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  if (end == nullptr || *end != '\0') return {};
  char out[17];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &parts);
  return out;
}

Result<SignatureParts> from_header(const SignedRequest& request, const std::string& header) {
  SignatureParts parts;
  std::size_t space = header.find(' ');
  parts.algorithm = header.substr(0, space);
  std::map<std::string, std::string> values;
  std::string rest = space == std::string::npos ? std::string() : header.substr(space + 1);
  std::size_t start = 0;
  while (start < rest.size()) {
    std::size_t end = rest.find_first_of(", ", start);
    std::string piece = rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? rest.size() : end + 1;
    if (piece.empty()) continue;
    std::size_t equals = piece.find('=');
    if (equals == std::string::npos) {
      std::string message = "'";
      message += piece;
      message += "' not a valid key=value pair (missing equal-sign) in Authorization header: '";
      message += header;
      message += "'.";
      return incomplete(std::move(message));
    }
    values[piece.substr(0, equals)] = piece.substr(equals + 1);
  }
  std::string message;
  for (const char* name : {"Credential", "Signature", "SignedHeaders"}) {
    if (values[name].empty()) message += std::string("Authorization header requires '") + name + "' parameter. ";
  }
  bool has_amz_date = false;
  bool has_date = false;
  parts.amz_date = request.header("x-amz-date", &has_amz_date);
  std::string date = request.header("date", &has_date);
  if (!has_amz_date && !has_date) {
    message += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  }
  if (!message.empty()) return incomplete(message + "Authorization=" + header);
  if (!has_amz_date) parts.amz_date = basic_format_of_http_date(date);
  parts.credential = values["Credential"];
  parts.signed_headers = values["SignedHeaders"];
  parts.signature = values["Signature"];
  return parts;
}

Result<SignatureParts> from_query(const std::map<std::string, std::string>& query) {
  std::string message;
  for (const char* name :
       {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"}) {
    auto found = query.find(name);
    if (found == query.end() || found->second.empty()) {
      message += std::string("AWS query-string parameters must include '") + name + "'. ";
    }
  }
  if (!message.empty()) return incomplete(message + "Re-examine the query-string parameters.");
  SignatureParts parts;
  parts.query_form = true;
  parts.algorithm = query.at("X-Amz-Algorithm");
  parts.credential = query.at("X-Amz-Credential");
  parts.signature = query.at("X-Amz-Signature");
  parts.signed_headers = query.at("X-Amz-SignedHeaders");
  parts.amz_date = query.at("X-Amz-Date");
  if (auto expires = query.find("X-Amz-Expires"); expires != query.end()) {
    // A lifetime that is negative or no number at all ("nan", "-1e300") is none: the request
    // expires as it is signed. Unchecked, "nan" never expired and "-1e300" overflowed the
    // message's whole seconds (found by fuzz/sigv4.cc).
    double seconds = std::strtod(expires->second.c_str(), nullptr);
    parts.expires_seconds = seconds >= 0 ? seconds : 0;
  }
  return parts;
}

std::map<std::string, std::string> query_map(const SignedRequest& request) {
  std::map<std::string, std::string> query;
  for (auto& [name, value] : query_parameters(request.query())) query.emplace(std::move(name), std::move(value));
  return query;
}

}  // namespace

Result<SignatureParts> read_signature_parts(const SignedRequest& request) {
  bool has_header = false;
  request.header("authorization", &has_header);
  // AWS quotes the header as sent in its messages.
  std::string header(request.raw_header("authorization"));
  std::map<std::string, std::string> query = query_map(request);
  bool has_query = query.count("X-Amz-Algorithm") > 0;
  if (has_header && has_query) {
    return fail(ApiError{ErrorCode::kInvalidSignature,
                         "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
                         {}});
  }
  if (has_query) return from_query(query);
  if (!has_header || header.compare(0, 5, "AWS4-") != 0) {
    return fail(ApiError{ErrorCode::kMissingAuthenticationToken, kMissingToken, {}});
  }
  return from_header(request, header);
}

namespace {

// <key>/<date>/<region>/<service>/aws4_request, from the header (a view into `authorization`) or a
// presigned target (held by `presigned`).
std::string_view credential_of(std::string_view authorization, std::string_view target, std::string& presigned) {
  if (auto start = authorization.find("Credential="); start != std::string_view::npos) {
    std::string_view credential = authorization.substr(start + 11);
    return credential.substr(0, credential.find_first_of(", "));
  }
  if (target.find("X-Amz-Credential=") != std::string_view::npos) {
    SignedRequest request;
    request.target = target;
    presigned = query_map(request)["X-Amz-Credential"];
  }
  return presigned;
}

}  // namespace

CredentialKeyAndRegion credential_key_and_region(std::string_view authorization, std::string_view target) {
  std::string presigned;
  std::string_view credential = credential_of(authorization, target, presigned);
  CredentialKeyAndRegion scope{std::string(credential.substr(0, credential.find('/'))), "us-east-1"};
  std::size_t slash1 = credential.find('/');
  std::size_t slash2 = slash1 == std::string::npos ? slash1 : credential.find('/', slash1 + 1);
  std::size_t slash3 = slash2 == std::string::npos ? slash2 : credential.find('/', slash2 + 1);
  if (slash3 != std::string::npos && slash3 != slash2 + 1) {
    scope.region = std::string(credential.substr(slash2 + 1, slash3 - slash2 - 1));
  }
  return scope;
}

std::string credential_region(std::string_view authorization, std::string_view target) {
  return credential_key_and_region(authorization, target).region;
}

std::string credential_access_key(std::string_view authorization, std::string_view target) {
  return credential_key_and_region(authorization, target).access_key;
}

}  // namespace eddy::auth
