// ExecuteStatement's NextToken: what encode_next_token writes decodes to the same position, and
// anything else (not base64, not JSON, another version, a missing or mistyped member, an empty key)
// is "Invalid NextToken".
#include "ops/statement_next_token.h"

#include <gtest/gtest.h>

#include "protocol/base64.h"

namespace eddy::ops {
namespace {

TEST(StatementNextToken, RoundTrips) {
  StatementPosition position{3, {{"pk", AttributeValue::string("a\"b")}, {"sk", AttributeValue::number("12.5")}}};
  auto decoded = decode_next_token(encode_next_token(position));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->partition, 3u);
  EXPECT_EQ(decoded->key, position.key);
}

TEST(StatementNextToken, RefusesWhatItDidNotWrite) {
  for (std::string text : {"{}", "[]", "{\"version\":\"V2\",\"partition\":0,\"key\":{\"pk\":{\"S\":\"a\"}}}",
                           "{\"version\":\"V1\",\"key\":{\"pk\":{\"S\":\"a\"}}}",
                           "{\"version\":\"V1\",\"partition\":-1,\"key\":{\"pk\":{\"S\":\"a\"}}}",
                           "{\"version\":\"V1\",\"partition\":0,\"key\":{}}",
                           "{\"version\":\"V1\",\"partition\":0,\"key\":{\"pk\":{\"Q\":\"a\"}}}", "not json"}) {
    auto decoded = decode_next_token(base64_encode(text));
    ASSERT_FALSE(decoded) << text;
    EXPECT_EQ(decoded.error().code, ErrorCode::kValidation);
    EXPECT_EQ(decoded.error().message, "Invalid NextToken");
  }
  EXPECT_FALSE(decode_next_token("%%%"));
  EXPECT_FALSE(decode_next_token("garbage"));
}

}  // namespace
}  // namespace eddy::ops
