// SizeEstimateRangeGB: the whole gigabytes around an item collection's size, as the API reference
// defines it (a lower and an upper bound of the size estimate, in GB).
#include <gtest/gtest.h>

#include "ops/item_write_response.h"

namespace eddy::ops {
namespace {

constexpr double kGigabyte = 1024.0 * 1024.0 * 1024.0;

SizeEstimateRange range_of(double gigabytes) {
  return size_estimate_range_gb(static_cast<int64_t>(gigabytes * kGigabyte));
}

void expect_range(SizeEstimateRange range, double lower, double upper) {
  EXPECT_EQ(range.lower, lower);
  EXPECT_EQ(range.upper, upper);
}

TEST(SizeEstimateRange, SmallCollectionsAreZeroToOne) {
  expect_range(size_estimate_range_gb(0), 0, 1);
  expect_range(size_estimate_range_gb(1), 0, 1);
  expect_range(range_of(0.5), 0, 1);
}

TEST(SizeEstimateRange, EachRangeHoldsTheSize) {
  expect_range(range_of(1), 1, 2);
  expect_range(range_of(1.5), 1, 2);
  expect_range(range_of(9.9), 9, 10);
  for (double gigabytes : {0.5, 1.0, 1.5, 9.9}) {
    SizeEstimateRange range = range_of(gigabytes);
    EXPECT_LE(range.lower, gigabytes);
    EXPECT_GT(range.upper, gigabytes);
    EXPECT_EQ(range.upper - range.lower, 1);
  }
}

TEST(SizeEstimateRange, JustUnderAGigabyteStaysBelowIt) {
  expect_range(size_estimate_range_gb((int64_t{1} << 30) - 1), 0, 1);
  expect_range(size_estimate_range_gb((int64_t{10} << 30) - 1), 9, 10);
}

TEST(SizeEstimateRange, ANegativeSizeCountsAsEmpty) { expect_range(size_estimate_range_gb(-5), 0, 1); }

}  // namespace
}  // namespace eddy::ops
