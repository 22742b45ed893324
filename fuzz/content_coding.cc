// Fuzz target: request bodies with a Content-Encoding (http/content_coding.h), undone under a limit
// on the inflated size. The input is
//   selector:u8 body
// where selector picks the Content-Encoding header (gzip, deflate, lists of both, identity, unknown
// and odd spellings) and selector / 16 the limit. Properties:
//   - a decoded body is never over the limit, and kTooLarge is answered only when the inflated
//     body really is over it (decoding again with no limit to speak of gives more than `limit`);
//   - decode ∘ encode = identity for gzip and deflate, on the input's bytes themselves.
#include "http/content_coding.h"
#include "fuzz_check.h"

namespace {

using namespace eddy;
using http::DecodeOutcome;

constexpr const char* kCodings[] = {
    "gzip", "deflate", "gzip, deflate", "deflate, gzip",  "identity", "GZIP",     " gzip ",           "gzip,gzip", "br",
    "",     ",",       "x-gzip",        "identity, gzip", "compress", "gzip;q=1", "deflate, identity"};
constexpr std::size_t kLimits[] = {0, 1, 64, 1024, 64 << 10, 1 << 20};
constexpr std::size_t kNoLimit = 64u << 20;  // far above what the limits allow, to tell kTooLarge apart

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const char* coding = kCodings[data[0] % 16];
  std::size_t limit = kLimits[(data[0] / 16) % 6];
  std::string_view body = fuzz::text_of(data + 1, size - 1);
  http::Decoded decoded = http::decode_content(body, coding, limit);
  if (decoded.outcome == DecodeOutcome::kDecoded) FUZZ_CHECK(decoded.body.size() <= limit);
  if (decoded.outcome == DecodeOutcome::kTooLarge) {
    http::Decoded whole = http::decode_content(body, coding, kNoLimit);
    FUZZ_CHECK(whole.outcome != DecodeOutcome::kDecoded || whole.body.size() > limit);
  }
  for (http::ContentCoding kind : {http::ContentCoding::kGzip, http::ContentCoding::kDeflate}) {
    std::string packed = http::encode_content(body, kind);
    http::Decoded unpacked = http::decode_content(packed, http::coding_name(kind), body.size());
    FUZZ_CHECK(unpacked.outcome == DecodeOutcome::kDecoded);
    FUZZ_CHECK(unpacked.body == body);
  }
  return 0;
}
