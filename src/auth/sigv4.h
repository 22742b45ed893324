// The SigV4 algorithm (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html):
// canonical request, string to sign, signing key and signature, with OpenSSL's SHA-256 and HMAC.
// Pure functions of their inputs; signature_check.h decides what to compare them with.
#pragma once

#include <string>
#include <string_view>

#include "auth/signed_request.h"

namespace eddy::auth {

// Credential=<key>/<date>/<region>/<service>/<terminator>, without the key.
struct CredentialScope {
  std::string date;  // YYYYMMDD
  std::string region;
  std::string service;  // "dynamodb" for DynamoDB and DynamoDB Streams alike
  std::string terminator = "aws4_request";

  std::string text() const { return date + "/" + region + "/" + service + "/" + terminator; }
};

// The canonical request for `signed_headers` (as in the Authorization header: lower-case names
// separated by ';'). The path is encoded once more as it arrived (AWS's rule for services other
// than S3), the query's parameters are decoded, re-encoded and sorted, X-Amz-Signature left out
// when `query_form`; the payload hash is that of the body as sent.
std::string canonical_request(const SignedRequest& request, std::string_view signed_headers, bool query_form);

std::string string_to_sign(std::string_view amz_date, const CredentialScope& scope, std::string_view canonical);

// Hex HMAC-SHA256 of `string_to_sign` with the key derived from `secret` and `scope`.
std::string signature(std::string_view secret, const CredentialScope& scope, std::string_view string_to_sign);

std::string sha256_hex(std::string_view data);

}  // namespace eddy::auth
