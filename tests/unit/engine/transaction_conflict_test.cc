// A single-item write on an item held by an in-flight transaction is refused with
// TransactionConflictException, as on DynamoDB; other items and TTL deletions are not affected.
#include <gtest/gtest.h>

#include "engine/database.h"

namespace eddy::engine {
namespace {

class TransactionConflictTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StorageOptions options;
    options.in_memory = true;
    auto opened = Database::open(options);
    ASSERT_TRUE(opened.has_value());
    database_ = std::move(*opened);
    table_.name = "t";
    table_.id = *database_->next_id();
    table_.key.partition_key = {{"pk", AttributeType::kS}};
  }

  Result<WriteOutcome> put(const char* pk, bool ttl = false) {
    Item key{{"pk", AttributeValue::string(pk)}};
    return database_->write_item(
        table_, key,
        [&](const std::optional<Item>&) -> Result<std::optional<Item>> { return std::optional<Item>(key); }, ttl);
  }

  std::unique_ptr<Database> database_;
  TableDefinition table_;
};

TEST_F(TransactionConflictTest, WriteOnHeldItemIsRefused) {
  Item held{{"pk", AttributeValue::string("held")}};
  TransactionClaims::Claim claim;
  ASSERT_TRUE(database_->transaction_claims().try_claim({item_id(table_, held)}, claim).empty());

  auto refused = put("held");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kTransactionConflict);
  EXPECT_EQ(refused.error().message, "Operation was rejected because there is an ongoing transaction for the item.");
  EXPECT_TRUE(put("other").has_value());
  EXPECT_TRUE(put("held", /*ttl=*/true).has_value());

  claim.release();
  EXPECT_TRUE(put("held").has_value());
}

}  // namespace
}  // namespace eddy::engine
