// Raising the open-file limit for --max-connections: up to the hard limit, never down.
#include "http/open_file_limit.h"

#include <sys/resource.h>

#include <algorithm>

#include <gtest/gtest.h>

namespace eddy::http {
namespace {

class OpenFileLimit : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &original_), 0); }
  void TearDown() override { setrlimit(RLIMIT_NOFILE, &original_); }

  static rlim_t soft() {
    rlimit now{};
    getrlimit(RLIMIT_NOFILE, &now);
    return now.rlim_cur;
  }

  rlimit original_{};
};

TEST_F(OpenFileLimit, RaisesTheSoftLimitToWhatIsWantedWithinTheHardOne) {
  if (original_.rlim_max != RLIM_INFINITY && original_.rlim_max < 600) GTEST_SKIP() << "hard limit under 600";
  rlimit lowered{256, original_.rlim_max};
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
  EXPECT_EQ(raise_open_file_limit(600), 600u);
  EXPECT_EQ(soft(), 600u);
}

TEST_F(OpenFileLimit, StopsAtTheHardLimit) {
  if (original_.rlim_max == RLIM_INFINITY || original_.rlim_max < 64) GTEST_SKIP() << "no finite hard limit";
  rlimit lowered{std::min<rlim_t>(32, original_.rlim_max), original_.rlim_max};
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
  EXPECT_EQ(raise_open_file_limit(original_.rlim_max + 1000), original_.rlim_max);
  EXPECT_EQ(soft(), original_.rlim_max);
}

TEST_F(OpenFileLimit, NeverLowersIt) {
  rlim_t before = soft();
  if (before == RLIM_INFINITY || before < 2) GTEST_SKIP() << "no finite soft limit";
  EXPECT_EQ(raise_open_file_limit(1), before);
  EXPECT_EQ(soft(), before);
}

}  // namespace
}  // namespace eddy::http
