// TransactionTokens: ClientRequestToken replay, mismatch, in-progress and the 10-minute lifetime.
#include "engine/transaction_tokens.h"

#include <gtest/gtest.h>

namespace eddy::engine {
namespace {

using Status = TransactionTokens::Status;

TEST(TransactionTokens, ReplaysTheFirstAnswerForTheSameRequest) {
  TransactionTokens tokens;
  EXPECT_EQ(tokens.begin("t", 42, 1000).status, Status::kNew);
  tokens.finish("t", "{\"a\":1}", 1000);
  auto again = tokens.begin("t", 42, 1100);
  EXPECT_EQ(again.status, Status::kReplay);
  EXPECT_EQ(again.response, "{\"a\":1}");
}

TEST(TransactionTokens, RefusesAnotherRequestWithTheSameToken) {
  TransactionTokens tokens;
  tokens.begin("t", 1, 1000);
  tokens.finish("t", "{}", 1000);
  EXPECT_EQ(tokens.begin("t", 2, 1000).status, Status::kMismatch);
}

TEST(TransactionTokens, ReportsARequestStillRunning) {
  TransactionTokens tokens;
  tokens.begin("t", 1, 1000);
  EXPECT_EQ(tokens.begin("t", 1, 1000).status, Status::kInProgress);
  EXPECT_EQ(tokens.begin("t", 2, 1000).status, Status::kMismatch);
}

TEST(TransactionTokens, AbandonedTokenCanBeUsedAgain) {
  TransactionTokens tokens;
  tokens.begin("t", 1, 1000);
  tokens.abandon("t");
  EXPECT_EQ(tokens.begin("t", 2, 1000).status, Status::kNew);
}

TEST(TransactionTokens, ForgottenAfterTenMinutes) {
  TransactionTokens tokens;
  tokens.begin("t", 1, 1000);
  tokens.finish("t", "{}", 1000);
  EXPECT_EQ(tokens.begin("t", 2, 1000 + 599).status, Status::kMismatch);
  EXPECT_EQ(tokens.begin("t", 2, 1000 + 601).status, Status::kNew);
}

}  // namespace
}  // namespace eddy::engine
