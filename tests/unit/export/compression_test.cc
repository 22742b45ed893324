// gzip and zstd: what eddy writes reads back, concatenated members and frames too, and bytes of
// another compression are refused.
#include "export/compression.h"

#include <gtest/gtest.h>

namespace eddy::exports {
namespace {

TEST(Compression, RoundTripsAndReadsConcatenations) {
  std::string data(200000, 'x');
  for (std::size_t i = 0; i < data.size(); i += 7) data[i] = static_cast<char>('a' + i % 26);
  EXPECT_EQ(*decompress(gzip(data), Compression::kGzip), data);
  EXPECT_EQ(*decompress(zstd(data), Compression::kZstd), data);
  EXPECT_EQ(*decompress(gzip("ab") + gzip("cd"), Compression::kGzip), "abcd");
  EXPECT_EQ(*decompress(zstd("ab") + zstd("cd"), Compression::kZstd), "abcd");
  EXPECT_EQ(*decompress("plain", Compression::kNone), "plain");
  EXPECT_EQ(*decompress(gzip(""), Compression::kGzip), "");
}

TEST(Compression, RefusesOtherBytes) {
  EXPECT_EQ(decompress("not gzip", Compression::kGzip).error().message, "The data is not valid GZIP");
  EXPECT_EQ(decompress(gzip("x"), Compression::kZstd).error().message, "The data is not valid ZSTD");
  std::string cut = gzip(std::string(1000, 'y'));
  cut.resize(cut.size() / 2);
  EXPECT_FALSE(decompress(cut, Compression::kGzip).has_value());
}

}  // namespace
}  // namespace eddy::exports
