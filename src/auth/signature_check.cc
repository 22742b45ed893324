// SigV4 verification in AWS's order; see signature_check.h.
#include "auth/signature_check.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include <openssl/crypto.h>

#include "auth/signature_parts.h"
#include "auth/signer.h"
#include "auth/sigv4.h"
#include "model/result.h"

namespace eddy::auth {
namespace {

constexpr double kAllowedSkewSeconds = 15 * 60;

tl::unexpected<ApiError> invalid(std::string message) {
  return fail(ApiError{ErrorCode::kInvalidSignature, std::move(message), {}});
}

tl::unexpected<ApiError> incomplete(std::string message) {
  return fail(ApiError{ErrorCode::kIncompleteSignature, std::move(message), {}});
}

std::string basic_format(double seconds) { return amz_date(seconds); }

// Seconds since the epoch of a YYYYMMDD'T'HHMMSS'Z' date; nullopt when it is not one.
std::optional<double> parse_basic_format(const std::string& date) {
  if (date.size() != 16 || date[8] != 'T' || date[15] != 'Z') return std::nullopt;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && (date[i] < '0' || date[i] > '9')) return std::nullopt;
  }
  std::tm parts{};
  parts.tm_year = std::stoi(date.substr(0, 4)) - 1900;
  parts.tm_mon = std::stoi(date.substr(4, 2)) - 1;
  parts.tm_mday = std::stoi(date.substr(6, 2));
  parts.tm_hour = std::stoi(date.substr(9, 2));
  parts.tm_min = std::stoi(date.substr(11, 2));
  parts.tm_sec = std::stoi(date.substr(13, 2));
  if (parts.tm_mon > 11 || parts.tm_mday < 1 || parts.tm_mday > 31 || parts.tm_hour > 23 || parts.tm_min > 59 ||
      parts.tm_sec > 60) {
    return std::nullopt;
  }
  return static_cast<double>(timegm(&parts));
}

Result<void> check_time(const SignatureParts& parts, double now) {
  auto signed_at = parse_basic_format(parts.amz_date);
  if (!signed_at) {
    return incomplete("Date must be in ISO-8601 'basic format'. Got '" + parts.amz_date +
                      "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }
  double earliest = now - kAllowedSkewSeconds;
  double latest = now + kAllowedSkewSeconds;
  if (parts.expires_seconds) earliest = now - *parts.expires_seconds;  // a presigned request's own lifetime
  if (*signed_at < std::floor(earliest)) {
    std::string window = parts.expires_seconds
                             ? " - " + std::to_string(static_cast<long>(*parts.expires_seconds)) + " sec.)"
                             : " - 15 min.)";
    return invalid("Signature expired: " + parts.amz_date + " is now earlier than " + basic_format(earliest) + " (" +
                   basic_format(now) + window);
  }
  if (*signed_at > std::floor(latest)) {
    return invalid("Signature not yet current: " + parts.amz_date + " is still later than " + basic_format(latest) +
                   " (" + basic_format(now) + " + 15 min.)");
  }
  return {};
}

bool host_is_signed(const std::string& signed_headers) {
  std::string lower;
  for (char c : signed_headers) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::size_t start = 0;
  while (start <= lower.size()) {
    std::size_t end = lower.find(';', start);
    if (lower.substr(start, end == std::string::npos ? std::string::npos : end - start) == "host") return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

// Splits the Credential into key and scope; trailing slashes are ignored, as AWS does.
Result<std::pair<std::string, CredentialScope>> read_credential(std::string credential) {
  std::string original = credential;
  while (!credential.empty() && credential.back() == '/') credential.pop_back();
  std::vector<std::string> elements;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = credential.find('/', start);
    elements.push_back(credential.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (elements.size() != 5) {
    return incomplete(
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
        "got '" +
        original + "'");
  }
  CredentialScope scope{elements[1], elements[2], elements[3], elements[4]};
  return std::make_pair(elements[0], scope);
}

Result<void> check_scope(const CredentialScope& scope, const std::string& amz_date, std::string_view service) {
  std::vector<std::string> problems;
  if (scope.region.empty()) problems.push_back("Credential should be scoped to a valid region, not ''.");
  if (scope.service != service) {
    problems.push_back("Credential should be scoped to correct service: '" + std::string(service) + "'.");
  }
  if (scope.terminator != "aws4_request") {
    problems.push_back("Credential should be scoped with a valid terminator: 'aws4_request', not '" + scope.terminator +
                       "'.");
  }
  if (scope.date != amz_date.substr(0, 8)) {
    problems.push_back("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" +
                       scope.date + "' != '" + amz_date.substr(0, 8) + "', from '" + amz_date + "'.");
  }
  if (problems.empty()) return {};
  std::string message;
  for (const auto& problem : problems) message += (message.empty() ? "" : " ") + problem;
  return invalid(message);
}

}  // namespace

Result<Signer> SignatureCheck::verify(const SignedRequest& request, double now, std::string_view service) const {
  EDDY_TRY(auto parts, read_signature_parts(request));
  EDDY_TRY_VOID(check_time(parts, now));
  if (!host_is_signed(parts.signed_headers)) {
    return invalid("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (parts.algorithm != "AWS4-HMAC-SHA256") {
    return incomplete("Unsupported AWS 'algorithm': '" + parts.algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
  }
  EDDY_TRY(auto credential, read_credential(parts.credential));
  const auto& [access_key, scope] = credential;
  EDDY_TRY_VOID(check_scope(scope, parts.amz_date, service));
  auto secret = credentials_.find(access_key);
  if (secret == credentials_.end()) {
    return fail(ApiError{ErrorCode::kUnrecognizedClient, "The security token included in the request is invalid.", {}});
  }
  std::string canonical = canonical_request(request, parts.signed_headers, parts.query_form);
  std::string to_sign = string_to_sign(parts.amz_date, scope, canonical);
  std::string expected = signature(secret->second, scope, to_sign);
  if (expected.size() != parts.signature.size() ||
      CRYPTO_memcmp(expected.data(), parts.signature.data(), expected.size()) != 0) {
    return invalid(
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access "
        "Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this "
        "request should have been\n'" +
        canonical + "'\n\nThe String-to-Sign should have been\n'" + to_sign + "'\n");
  }
  return Signer{access_key, scope.region};
}

}  // namespace eddy::auth
