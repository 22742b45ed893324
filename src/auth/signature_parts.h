// SignatureParts: where a request carries its SigV4 signature (the Authorization header, or the
// X-Amz-* query parameters of a presigned request), read with AWS's errors for a signature that is
// missing (MissingAuthenticationTokenException) or incomplete (IncompleteSignatureException).
#pragma once

#include <optional>
#include <string>

#include "auth/signed_request.h"
#include "model/api_error.h"

namespace eddy::auth {

struct SignatureParts {
  bool query_form = false;
  std::string algorithm;                  // "AWS4-HMAC-SHA256"
  std::string credential;                 // "<key>/<date>/<region>/<service>/aws4_request"
  std::string signed_headers;             // "host;x-amz-date"
  std::string signature;                  // lower-case hex
  std::string amz_date;                   // X-Amz-Date, or the Date header in ISO 8601 basic format
  std::optional<double> expires_seconds;  // X-Amz-Expires of a presigned request; never negative or NaN
};

Result<SignatureParts> read_signature_parts(const SignedRequest& request);

// The region of the credential scope, without any check, from the Authorization header or else a
// presigned target's X-Amz-Credential: "us-east-1" when there is none.
std::string credential_region(std::string_view authorization, std::string_view target);
// The access key id of the credential scope, the same way: empty when there is none.
std::string credential_access_key(std::string_view authorization, std::string_view target);

// Both of the above from one reading of the credential scope.
struct CredentialKeyAndRegion {
  std::string access_key;
  std::string region;
};
CredentialKeyAndRegion credential_key_and_region(std::string_view authorization, std::string_view target);

}  // namespace eddy::auth
