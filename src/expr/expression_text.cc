// Shared expression text limits and the message prefix (see expression_text.h).
#include "expr/expression_text.h"

namespace eddy::expr {

tl::unexpected<ApiError> invalid_expression(std::string_view kind, const std::string& message) {
  return validation_error("Invalid " + std::string(kind) + ": " + message);
}

std::optional<ApiError> check_expression_text(std::string_view text, std::string_view kind, bool report_size) {
  if (text.empty()) return invalid_expression(kind, "The expression can not be empty;").value();
  if (text.size() > kMaxExpressionSize) {
    std::string message = "Expression size has exceeded the maximum allowed size;";
    if (report_size) message += " expression size: " + std::to_string(text.size());
    return invalid_expression(kind, message).value();
  }
  return std::nullopt;
}

}  // namespace eddy::expr
