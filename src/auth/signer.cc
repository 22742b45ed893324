// SigV4 signing for eddy's client; see signer.h.
#include "auth/signer.h"

#include <cmath>
#include <ctime>

namespace eddy::auth {

std::string authorization_header(const SignedRequest& request, std::string_view signed_headers,
                                 std::string_view access_key, std::string_view secret, const CredentialScope& scope,
                                 std::string_view amz_date) {
  std::string to_sign = string_to_sign(amz_date, scope, canonical_request(request, signed_headers, false));
  return "AWS4-HMAC-SHA256 Credential=" + std::string(access_key) + "/" + scope.text() +
         ", SignedHeaders=" + std::string(signed_headers) + ", Signature=" + signature(secret, scope, to_sign);
}

std::string amz_date(double seconds) {
  std::time_t time = static_cast<std::time_t>(std::floor(seconds));
  std::tm parts{};
  gmtime_r(&time, &parts);
  char out[17];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &parts);
  return out;
}

}  // namespace eddy::auth
