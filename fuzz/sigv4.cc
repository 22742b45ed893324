// Fuzz target: SigV4 (src/auth) as a request brings it: the Authorization header or a presigned
// query, read by read_signature_parts and credential_region, and verified by SignatureCheck. The
// input is a request written as text:
//   method '\n' target '\n' (name ':' value '\n')* '\n' body
// Property: the same request signed with eddy's signer (auth/signer.h: Host and X-Amz-Date signed,
// the fuzzed headers kept) verifies, whatever its target, headers and body hold; its unsigned
// reading never crashes.
#include "auth/signature_check.h"
#include "auth/signature_parts.h"
#include "auth/signer.h"
#include "fuzz_check.h"

namespace {

using namespace eddy;

constexpr double kNow = 1767225600;  // 2026-01-01T00:00:00Z: the fixed "now" of every check
constexpr const char* kAccessKey = "AKIDEXAMPLE";
constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

auth::SignedRequest request_of(std::string_view text) {
  auth::SignedRequest request;
  auto next_line = [&text]() {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    return line;
  };
  request.method = next_line();
  request.target = next_line();
  while (!text.empty() && request.headers.size() < 64) {
    std::string_view line = next_line();
    if (line.empty()) break;
    std::size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.emplace_back(lower(line.substr(0, colon)), value);
  }
  request.body = text;
  return request;
}

// The request with its own Authorization, Host and X-Amz-Date replaced by a valid signature's.
void check_signed_copy_verifies(auth::SignedRequest request, const auth::SignatureCheck& check) {
  if (request.query().find("X-Amz-") != std::string_view::npos) return;  // a presigned request's parameters
  std::erase_if(request.headers, [](const auto& header) {
    return header.first == "authorization" || header.first == "host" || header.first == "x-amz-date";
  });
  std::string date = auth::amz_date(kNow);
  request.headers.emplace_back("host", "127.0.0.1:8000");
  request.headers.emplace_back("x-amz-date", date);
  auth::CredentialScope scope{date.substr(0, 8), "us-east-1", "dynamodb"};
  std::string authorization = auth::authorization_header(request, "host;x-amz-date", kAccessKey, kSecret, scope, date);
  request.headers.emplace_back("authorization", authorization);
  auto signer = check.verify(request, kNow);
  if (!signer) std::fprintf(stderr, "%s\n", signer.error().message.c_str());
  FUZZ_CHECK(signer.has_value());
  FUZZ_CHECK(signer->access_key == kAccessKey && signer->region == "us-east-1");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auth::SignatureCheck check(auth::Credentials{{kAccessKey, kSecret}});
  auth::SignedRequest request = request_of(fuzz::text_of(data, size));
  (void)auth::read_signature_parts(request);
  (void)auth::credential_region(request.raw_header("authorization"), request.target);
  (void)auth::query_parameters(request.query());
  (void)check.verify(request, kNow);
  check_signed_copy_verifies(request, check);
  return 0;
}
