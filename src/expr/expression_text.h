// The steps every expression kind shares before its own grammar: the empty and size limits, and
// the "Invalid XExpression: " prefix of DynamoDB's messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/api_error.h"

namespace eddy::expr {

// Expressions longer than this many bytes are refused.
inline constexpr std::size_t kMaxExpressionSize = 4096;
// Conditions with more operators than this are refused.
inline constexpr int kMaxOperators = 300;

// ValidationException "Invalid <kind>: <message>".
tl::unexpected<ApiError> invalid_expression(std::string_view kind, const std::string& message);

// The empty/size checks; `report_size` adds "; expression size: N" as DynamoDB does for
// condition-like expressions.
std::optional<ApiError> check_expression_text(std::string_view text, std::string_view kind, bool report_size);

}  // namespace eddy::expr
