// Collected constraint violations; see constraint_violations.h.
#include "protocol/constraint_violations.h"

namespace eddy::protocol {

void ConstraintViolations::add(std::string_view path, const std::optional<std::string>& value,
                               std::string_view constraint) {
  std::string text = "Value ";
  text += value ? "'" + *value + "'" : std::string("null");
  text += " at '";
  text += path;
  text += "' failed to satisfy constraint: ";
  text += constraint;
  messages_.push_back(std::move(text));
}

void ConstraintViolations::add_unshown(std::string_view member, std::string_view constraint) {
  messages_.push_back("Value at '" + std::string(member) +
                      "' failed to satisfy constraint: " + std::string(constraint));
}

Result<void> ConstraintViolations::result() const {
  if (!missing_.empty()) return validation_error(missing_);
  if (messages_.empty()) return {};
  std::string text = std::to_string(messages_.size()) +
                     (messages_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < messages_.size(); ++i) {
    if (i != 0) text += "; ";
    text += messages_[i];
  }
  return validation_error(std::move(text));
}

}  // namespace eddy::protocol
