// ISO-8601 times as the clock call reads and writes them.
#include "admin/iso8601.h"

#include <gtest/gtest.h>

namespace eddy::admin {
namespace {

TEST(Iso8601, WritesMillisecondsInUtc) {
  EXPECT_EQ(iso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso8601(1893456000.25), "2030-01-01T00:00:00.250Z");
  EXPECT_EQ(iso8601(1893455999.9996),
            "2030-01-01T00:00:00.000Z");  // rounds up into the next second
}

TEST(Iso8601, ReadsZonesAndFractions) {
  EXPECT_EQ(parse_iso8601("2030-01-01T00:00:00Z"), 1893456000.0);
  EXPECT_EQ(parse_iso8601("2030-01-01T00:00:00"), 1893456000.0);
  EXPECT_EQ(parse_iso8601("2030-01-01T02:00:00+02:00"), 1893456000.0);
  EXPECT_EQ(parse_iso8601("2029-12-31T19:00:00-0500"), 1893456000.0);
  EXPECT_DOUBLE_EQ(*parse_iso8601("2030-01-01T00:00:00.5Z"), 1893456000.5);
}

TEST(Iso8601, RefusesWhatIsNotATime) {
  for (const char* text :
       {"", "2030-01-01", "2030-13-01T00:00:00Z", "2030-02-30T00:00:00Z", "2030-01-01T24:00:00Z",
        "2030-01-01T00:00:00ZZ", "2030-01-01T00:00:00.Z", "yesterday", "2030-01-01T00:00:00+25:00"}) {
    EXPECT_FALSE(parse_iso8601(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace eddy::admin
