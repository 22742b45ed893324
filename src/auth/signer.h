// Signing a request as an SDK does (SigV4, header form), for eddy's own client (`eddy streams`),
// so that it can talk to an eddy that verifies signatures (--credentials).
#pragma once

#include <string>
#include <string_view>

#include "auth/signed_request.h"
#include "auth/sigv4.h"

namespace eddy::auth {

// The Authorization header value for `request`, signing the headers named in `signed_headers`
// (lower case, ';'-separated, sorted); `amz_date` is the request's X-Amz-Date.
std::string authorization_header(const SignedRequest& request, std::string_view signed_headers,
                                 std::string_view access_key, std::string_view secret, const CredentialScope& scope,
                                 std::string_view amz_date);

// `seconds` since the epoch as X-Amz-Date writes it: "20260101T000000Z".
std::string amz_date(double seconds);

}  // namespace eddy::auth
