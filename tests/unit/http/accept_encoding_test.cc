// Accept-Encoding as DynamoDB reads it: the cases ScyllaDB's test_compressed_response.py recorded
// against DynamoDB.
#include "http/accept_encoding.h"

#include <gtest/gtest.h>

namespace eddy::http {
namespace {

constexpr ContentCoding kNone = ContentCoding::kIdentity;
constexpr ContentCoding kGzip = ContentCoding::kGzip;
constexpr ContentCoding kDeflate = ContentCoding::kDeflate;

TEST(AcceptEncoding, AsDynamoDbChooses) {
  const std::pair<const char*, ContentCoding> cases[] = {
      {"", kNone},
      {"identity", kNone},
      {"gzip", kGzip},
      {"deflate", kDeflate},
      {"br", kNone},
      {"zstd", kNone},
      {"compress", kNone},
      {"x-gzip", kNone},
      {"gzip, deflate", kGzip},
      {"br, identity, deflate, gzip", kDeflate},
      {"GZIP, identity", kGzip},
      {"dog, gzip ,, cat", kGzip},
      {"gzip;q=0.8, deflate;q=0.5", kGzip},
      {"br, gzip;q=0, deflate; q = 0.5 , identity;q=0", kDeflate},
      {"*", kGzip},
      {"*, deflate;q=0.5", kGzip},
      {"*, deflate", kDeflate},
      {"*, identity", kGzip},
      {"*, gzip;q=0.5", kDeflate},
      {"gzip ;q=0", kNone},
      {"identity;q=0", kNone},
      {"*;q=0", kNone},
      {"*;q=0.5,identity", kGzip},
      {"gzip;q=0.5,identity;q=0.8", kGzip},
      {"br;q=0.8,identity;q=0.5,*;q=0", kNone},
      {"\"gzip\"", kNone},
      {"gzip br", kNone},
      {"gzip:q=1", kNone},
      {"deflate;q=0.5, gzip;q=31", kGzip},
      {"gzip;q=31,deflate;q=51", kGzip},
      {"deflate;q=0.5, gzip;q=0.2", kDeflate},
      {"deflate;q=0.5, gzip;q=1;q=0.2", kGzip},
      {"deflate;q=0.5,gzip;q=0.", kDeflate},
      {"deflate;q=0.5,gzip;q=0.x", kGzip},
      {"deflate;q=-0.5,gzip;q=0.2", kGzip},
      {"gzip;nq=1;q=0 ", kNone},
      {"gzip;q=0, gzip;q=1, gzip;q=0", kGzip},
      {"br,identity;q=0.5,gzip;q=0.0001", kGzip},
  };
  for (const auto& [header, expected] : cases) {
    EXPECT_EQ(preferred_coding(header), expected) << "Accept-Encoding: " << header;
  }
}

}  // namespace
}  // namespace eddy::http
