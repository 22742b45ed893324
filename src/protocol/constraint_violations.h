// ConstraintViolations: the constraint failures of one request, collected in the order the checks
// run and reported together as DynamoDB does:
//   "2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must
//   satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value null at 'key' failed to satisfy
//   constraint: Member must not be null"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"

namespace eddy::protocol {

class ConstraintViolations {
 public:
  // "Value '<value>' at '<path>' failed to satisfy constraint: <constraint>" ("Value null" without a
  // value).
  void add(std::string_view path, const std::optional<std::string>& value, std::string_view constraint);
  // A member that some operations require before any constraint is checked: its message alone
  // ("The parameter 'TableName' is required but was not present in the request") is the answer.
  // "Value at '<member>' failed to satisfy constraint: <constraint>": the form DynamoDB uses for
  // Query's and Scan's Limit, without the value and with the member's name as sent.
  void add_unshown(std::string_view member, std::string_view constraint);
  void missing(std::string message) {
    if (missing_.empty()) missing_ = std::move(message);
  }
  std::size_t size() const { return messages_.size(); }
  // ValidationException "N validation error(s) detected: a; b", or success when there are none.
  Result<void> result() const;

 private:
  std::vector<std::string> messages_;
  std::string missing_;
};

}  // namespace eddy::protocol
