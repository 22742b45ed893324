// SignatureCheck: verifies a request's SigV4 signature against the credentials eddy was started
// with (--credentials), in the order and with the texts AWS uses:
//   missing signature             MissingAuthenticationTokenException
//   incomplete Authorization      IncompleteSignatureException ("... requires 'Signature' parameter. ...")
//   malformed date                IncompleteSignatureException ("Date must be in ISO-8601 'basic format'. ...")
//   more than 15 minutes off      InvalidSignatureException ("Signature expired: ..." / "... not yet current: ...")
//   Host not signed               InvalidSignatureException
//   unknown algorithm, bad scope  IncompleteSignatureException / InvalidSignatureException
//   unknown access key            UnrecognizedClientException ("The security token included in the request is invalid.")
//   wrong signature               InvalidSignatureException ("The request signature we calculated does not match ...")
// A session token (X-Amz-Security-Token) is signed like any header and otherwise not checked.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "auth/signed_request.h"
#include "model/api_error.h"

namespace eddy::auth {

// Access key id -> secret access key.
using Credentials = std::map<std::string, std::string>;

// What a verified signature tells about its request.
struct Signer {
  std::string access_key;
  std::string region;  // of the credential scope
};

class SignatureCheck {
 public:
  explicit SignatureCheck(Credentials credentials) : credentials_(std::move(credentials)) {}

  // `now`: seconds since the epoch (the server's clock). `service`: the credential scope's service
  // the request must be signed for (Lambda's API on eddy's port is signed for "lambda").
  Result<Signer> verify(const SignedRequest& request, double now, std::string_view service = "dynamodb") const;

 private:
  Credentials credentials_;
};

}  // namespace eddy::auth
