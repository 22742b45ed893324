// TransactionClaims: all-or-nothing claims, conflicts after a bounded wait, release on destruction.
#include "engine/transaction_claims.h"

#include <chrono>
#include <memory>
#include <thread>

#include <gtest/gtest.h>

namespace eddy::engine {
namespace {

using std::chrono::milliseconds;

TEST(TransactionClaims, ClaimsDistinctItemsAtOnce) {
  TransactionClaims claims;
  TransactionClaims::Claim first;
  TransactionClaims::Claim second;
  EXPECT_TRUE(claims.try_claim({"a", "b"}, first).empty());
  EXPECT_TRUE(claims.try_claim({"c"}, second).empty());
  EXPECT_TRUE(claims.held("a"));
  EXPECT_TRUE(claims.held("c"));
  EXPECT_FALSE(claims.held("d"));
}

TEST(TransactionClaims, ReportsConflictingPositionsAndClaimsNothing) {
  TransactionClaims claims;
  TransactionClaims::Claim holder;
  ASSERT_TRUE(claims.try_claim({"b", "d"}, holder).empty());
  TransactionClaims::Claim other;
  auto conflicts = claims.try_claim({"a", "b", "c", "d"}, other, milliseconds(1));
  EXPECT_EQ(conflicts, (std::vector<std::size_t>{1, 3}));
  EXPECT_FALSE(claims.held("a"));  // all or nothing
  EXPECT_FALSE(claims.held("c"));
}

TEST(TransactionClaims, ReleasedWhenTheClaimEnds) {
  TransactionClaims claims;
  {
    TransactionClaims::Claim holder;
    ASSERT_TRUE(claims.try_claim({"a"}, holder).empty());
  }
  EXPECT_FALSE(claims.held("a"));
  TransactionClaims::Claim again;
  EXPECT_TRUE(claims.try_claim({"a"}, again, milliseconds(0)).empty());
  again.release();
  EXPECT_FALSE(claims.held("a"));
}

TEST(TransactionClaims, WaitsBrieflyForARelease) {
  TransactionClaims claims;
  auto holder = std::make_unique<TransactionClaims::Claim>();
  ASSERT_TRUE(claims.try_claim({"a"}, *holder).empty());
  std::thread releaser([&] {
    std::this_thread::sleep_for(milliseconds(5));
    holder->release();
  });
  TransactionClaims::Claim waiter;
  EXPECT_TRUE(claims.try_claim({"a"}, waiter, milliseconds(2000)).empty());
  releaser.join();
}

TEST(TransactionClaims, GivesUpAfterTheBoundedWait) {
  TransactionClaims claims;
  TransactionClaims::Claim holder;
  ASSERT_TRUE(claims.try_claim({"a"}, holder).empty());
  TransactionClaims::Claim waiter;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(claims.try_claim({"a"}, waiter, milliseconds(30)).size(), 1u);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(25));
}

}  // namespace
}  // namespace eddy::engine
