// SigV4 verification: each of AWS's answers, in AWS's order, with AWS's texts.
#include "auth/signature_check.h"

#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "auth/sigv4.h"

namespace eddy::auth {
namespace {

constexpr const char* kKey = "AKIDEXAMPLE";
constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr const char* kDate = "20150830T123600Z";
constexpr double kSignedAt = 1440938160;  // 2015-08-30T12:36:00Z
const CredentialScope kScope{"20150830", "us-west-2", "dynamodb"};
constexpr const char* kBody = R"({"TableName":"t"})";

// A request as boto3 signs a DynamoDB call; `authorization` replaces the computed header when set.
struct Signed {
  std::string authorization;
  std::string date = kDate;
  std::string target = "/";
  SignedRequest request() const {
    SignedRequest r;
    r.method = "POST";
    r.target = target;
    r.body = kBody;
    r.headers = {{"host", "127.0.0.1:8000"},
                 {"content-type", "application/x-amz-json-1.0"},
                 {"x-amz-date", date},
                 {"x-amz-target", "DynamoDB_20120810.ListTables"}};
    if (!authorization.empty()) r.headers.emplace_back("authorization", authorization);
    return r;
  }
};

std::string authorization_for(const std::string& key, const std::string& secret, const CredentialScope& scope,
                              const char* signed_headers = "content-type;host;x-amz-date;x-amz-target") {
  Signed unsigned_request;
  SignedRequest request = unsigned_request.request();
  std::string to_sign = string_to_sign(kDate, scope, canonical_request(request, signed_headers, false));
  return "AWS4-HMAC-SHA256 Credential=" + key + "/" + scope.text() + ", SignedHeaders=" + signed_headers +
         ", Signature=" + signature(secret, scope, to_sign);
}

SignatureCheck checker() { return SignatureCheck(Credentials{{kKey, kSecret}, {"OTHER", "other-secret"}}); }

ApiError refusal(const SignedRequest& request, double now = kSignedAt) {
  auto result = checker().verify(request, now);
  EXPECT_FALSE(result.has_value());
  return result ? ApiError{} : result.error();
}

TEST(SignatureCheck, AcceptsARightSignatureAndReportsTheRegion) {
  Signed s{authorization_for(kKey, kSecret, kScope)};
  auto signer = checker().verify(s.request(), kSignedAt + 60);
  ASSERT_TRUE(signer.has_value()) << signer.error().message;
  EXPECT_EQ(signer->access_key, kKey);
  EXPECT_EQ(signer->region, "us-west-2");
}

TEST(SignatureCheck, UnknownKeyIsUnrecognizedClient) {
  ApiError error = refusal(Signed{authorization_for("NOBODY", kSecret, kScope)}.request());
  EXPECT_EQ(error.code, ErrorCode::kUnrecognizedClient);
  EXPECT_EQ(error.message, "The security token included in the request is invalid.");
}

TEST(SignatureCheck, WrongSecretShowsTheCanonicalRequest) {
  ApiError error = refusal(Signed{authorization_for(kKey, "not-the-secret", kScope)}.request());
  EXPECT_EQ(error.code, ErrorCode::kInvalidSignature);
  std::string canonical = canonical_request(Signed{}.request(), "content-type;host;x-amz-date;x-amz-target", false);
  EXPECT_EQ(error.message,
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
            "Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String "
            "for this request should have been\n'" +
                canonical + "'\n\nThe String-to-Sign should have been\n'" + string_to_sign(kDate, kScope, canonical) +
                "'\n");
}

TEST(SignatureCheck, FifteenMinutesEitherWay) {
  Signed s{authorization_for(kKey, kSecret, kScope)};
  EXPECT_TRUE(checker().verify(s.request(), kSignedAt + 15 * 60).has_value());
  EXPECT_TRUE(checker().verify(s.request(), kSignedAt - 15 * 60).has_value());
  ApiError expired = refusal(s.request(), kSignedAt + 16 * 60);
  EXPECT_EQ(expired.code, ErrorCode::kInvalidSignature);
  EXPECT_EQ(expired.message,
            "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)");
  ApiError early = refusal(s.request(), kSignedAt - 16 * 60);
  EXPECT_EQ(early.code, ErrorCode::kInvalidSignature);
  EXPECT_EQ(early.message,
            "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z "
            "(20150830T122000Z + 15 min.)");
}

TEST(SignatureCheck, MissingOrIncompleteAuthorization) {
  EXPECT_EQ(refusal(Signed{}.request()).code, ErrorCode::kMissingAuthenticationToken);
  EXPECT_EQ(refusal(Signed{}.request()).message, "Request is missing Authentication Token");
  EXPECT_EQ(refusal(Signed{"AWS4"}.request()).code, ErrorCode::kMissingAuthenticationToken);
  Signed bare{"AWS4-"};
  bare.date.clear();
  SignedRequest without_date = bare.request();
  without_date.headers.erase(without_date.headers.begin() + 2);  // no X-Amz-Date at all
  ApiError incomplete = refusal(without_date);
  EXPECT_EQ(incomplete.code, ErrorCode::kIncompleteSignature);
  EXPECT_EQ(incomplete.message,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' "
            "parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires "
            "existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-");
  ApiError no_equals = refusal(Signed{"AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders"}.request());
  EXPECT_EQ(no_equals.code, ErrorCode::kIncompleteSignature);
  EXPECT_EQ(no_equals.message,
            "'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: "
            "'AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders'.");
}

TEST(SignatureCheck, MalformedParts) {
  Signed bad_date{authorization_for(kKey, kSecret, kScope)};
  bad_date.date = "201";
  ApiError date = refusal(bad_date.request());
  EXPECT_EQ(date.code, ErrorCode::kIncompleteSignature);
  EXPECT_EQ(date.message,
            "Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601");

  ApiError host = refusal(Signed{authorization_for(kKey, kSecret, kScope, "content-type;x-amz-date")}.request());
  EXPECT_EQ(host.code, ErrorCode::kInvalidSignature);
  EXPECT_EQ(host.message, "'Host' must be a 'SignedHeader' in the AWS Authorization.");

  ApiError algorithm =
      refusal(Signed{"AWS4-HMAC-SHA25 Credential=a/20150830/r/dynamodb/aws4_request, SignedHeaders=host, Signature=0"}
                  .request());
  EXPECT_EQ(algorithm.code, ErrorCode::kIncompleteSignature);
  EXPECT_EQ(algorithm.message, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ");

  ApiError elements = refusal(Signed{"AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=0"}.request());
  EXPECT_EQ(elements.code, ErrorCode::kIncompleteSignature);
  EXPECT_EQ(
      elements.message,
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'");

  ApiError scope = refusal(Signed{"AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=0"}.request());
  EXPECT_EQ(scope.code, ErrorCode::kInvalidSignature);
  EXPECT_EQ(scope.message,
            "Credential should be scoped to correct service: 'dynamodb'. Credential should be scoped with a valid "
            "terminator: 'aws4_request', not 'e'. Date in Credential scope does not match YYYYMMDD from ISO-8601 "
            "version of date from HTTP: 'b' != '20150830', from '20150830T123600Z'.");
}

TEST(SignatureCheck, PresignedQueryForm) {
  std::string query = std::string("?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=") + kKey + "%2F" +
                      "20150830%2Fus-west-2%2Fdynamodb%2Faws4_request&X-Amz-Date=" + kDate +
                      "&X-Amz-SignedHeaders=host";
  Signed presigned;
  presigned.target = "/" + query;
  SignedRequest request = presigned.request();
  std::string to_sign = string_to_sign(kDate, kScope, canonical_request(request, "host", true));
  presigned.target += "&X-Amz-Signature=" + signature(kSecret, kScope, to_sign);
  auto signer = checker().verify(presigned.request(), kSignedAt);
  ASSERT_TRUE(signer.has_value()) << signer.error().message;
  EXPECT_EQ(signer->region, "us-west-2");

  Signed both{authorization_for(kKey, kSecret, kScope)};
  both.target = presigned.target;
  EXPECT_EQ(refusal(both.request()).message,
            "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");

  Signed partial;
  partial.target = "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + std::string(kDate);
  ApiError incomplete = refusal(partial.request());
  EXPECT_EQ(incomplete.code, ErrorCode::kIncompleteSignature);
  EXPECT_EQ(incomplete.message,
            "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include "
            "'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the "
            "query-string parameters.");
}

// A presigned request's lifetime that is negative or no number expires at once (fuzz/sigv4.cc found
// "-1e300" overflowing the whole seconds of the message, and "nan" never expiring).
TEST(SignatureCheck, PresignedLifetimeThatIsNoneExpiresAtOnce) {
  for (const char* expires : {"-1e300", "nan", "-5"}) {
    Signed presigned;
    presigned.target = std::string("/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=") + kKey +
                       "%2F20150830%2Fus-west-2%2Fdynamodb%2Faws4_request&X-Amz-Date=" + kDate +
                       "&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
    ApiError expired = refusal(presigned.request(), kSignedAt + 1);
    EXPECT_EQ(expired.code, ErrorCode::kInvalidSignature) << expires;
    EXPECT_EQ(expired.message,
              "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T123601Z - 0 sec.)")
        << expires;
  }
}

TEST(Credentials, PairsFromFlagsAndLists) {
  Credentials credentials;
  std::string error;
  EXPECT_TRUE(add_credential("AKID:se:cret", credentials, error));
  EXPECT_EQ(credentials.at("AKID"), "se:cret");
  EXPECT_TRUE(add_credential_list("A:1, B:2\nC:3", credentials, error));
  EXPECT_EQ(credentials.size(), 4u);
  EXPECT_FALSE(add_credential("no-colon", credentials, error));
  EXPECT_EQ(error, "credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, got 'no-colon'");
  EXPECT_FALSE(add_credential(":secret", credentials, error));
  EXPECT_FALSE(add_credential("key:", credentials, error));
}

}  // namespace
}  // namespace eddy::auth
