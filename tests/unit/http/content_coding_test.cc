// Request bodies in gzip and deflate, and compressed answers.
#include "http/content_coding.h"

#include <gtest/gtest.h>

#include <zlib.h>

namespace eddy::http {
namespace {

const std::string kJson = R"({"TableName":"t","Item":{"pk":{"S":"a"}}})";

TEST(ContentCoding, GzipAndDeflateRoundTrip) {
  for (ContentCoding coding : {ContentCoding::kGzip, ContentCoding::kDeflate}) {
    std::string compressed = encode_content(kJson, coding);
    EXPECT_NE(compressed, kJson);
    Decoded decoded = decode_content(compressed, coding_name(coding), 1 << 20);
    ASSERT_EQ(decoded.outcome, DecodeOutcome::kDecoded) << coding_name(coding);
    EXPECT_EQ(decoded.body, kJson);
  }
}

// RFC 1952 allows several gzip members one after the other; they decode to their concatenation.
TEST(ContentCoding, ConcatenatedGzipMembers) {
  std::string body = encode_content(kJson.substr(0, 10), ContentCoding::kGzip) +
                     encode_content(kJson.substr(10), ContentCoding::kGzip);
  Decoded decoded = decode_content(body, "gzip", 1 << 20);
  ASSERT_EQ(decoded.outcome, DecodeOutcome::kDecoded);
  EXPECT_EQ(decoded.body, kJson);
}

TEST(ContentCoding, RawDeflateIsAcceptedForDeflate) {
  z_stream stream{};
  ASSERT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(256, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(kJson.data()));
  stream.avail_in = static_cast<uInt>(kJson.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  ASSERT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  Decoded decoded = decode_content(out, "deflate", 1 << 20);
  ASSERT_EQ(decoded.outcome, DecodeOutcome::kDecoded);
  EXPECT_EQ(decoded.body, kJson);
}

TEST(ContentCoding, BrokenEmptyTruncatedOrTrailingJunk) {
  std::string gzip = encode_content(kJson, ContentCoding::kGzip);
  EXPECT_EQ(decode_content(kJson, "gzip", 1 << 20).outcome, DecodeOutcome::kBroken);
  EXPECT_EQ(decode_content("", "gzip", 1 << 20).outcome, DecodeOutcome::kBroken);
  EXPECT_EQ(decode_content("", "deflate", 1 << 20).outcome, DecodeOutcome::kBroken);
  EXPECT_EQ(decode_content(gzip.substr(0, gzip.size() - 1), "gzip", 1 << 20).outcome, DecodeOutcome::kBroken);
  EXPECT_EQ(decode_content(gzip + "junk", "gzip", 1 << 20).outcome, DecodeOutcome::kBroken);
}

TEST(ContentCoding, UnknownCodings) {
  EXPECT_EQ(decode_content(kJson, "br", 1 << 20).outcome, DecodeOutcome::kUnknownCoding);
  EXPECT_EQ(decode_content(kJson, "garbage", 1 << 20).outcome, DecodeOutcome::kUnknownCoding);
  Decoded identity = decode_content(kJson, "identity", 1 << 20);
  EXPECT_EQ(identity.outcome, DecodeOutcome::kDecoded);
  EXPECT_EQ(identity.body, kJson);
}

// Codings listed in order of application are undone from the last; case does not matter.
TEST(ContentCoding, SeveralCodings) {
  std::string twice = encode_content(encode_content(kJson, ContentCoding::kDeflate), ContentCoding::kGzip);
  Decoded decoded = decode_content(twice, "Deflate, GZIP", 1 << 20);
  ASSERT_EQ(decoded.outcome, DecodeOutcome::kDecoded);
  EXPECT_EQ(decoded.body, kJson);
}

// The limit is on the inflated size: a small body that inflates past it stops there.
TEST(ContentCoding, InflatedLimit) {
  std::string big(20u << 20, ' ');
  std::string compressed = encode_content(big, ContentCoding::kGzip);
  EXPECT_LT(compressed.size(), 100u << 10);
  EXPECT_EQ(decode_content(compressed, "gzip", 16u << 20).outcome, DecodeOutcome::kTooLarge);
  EXPECT_EQ(decode_content(compressed, "gzip", 20u << 20).outcome, DecodeOutcome::kDecoded);
  EXPECT_EQ(decode_content(big, "identity", 16u << 20).outcome, DecodeOutcome::kTooLarge);
}

}  // namespace
}  // namespace eddy::http
