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
  // "Value '<value>' at '<path>' failed to satisfy constraint: <constraint>" ("Value null" without a value).
  void add(std::string_view path, const std::optional<std::string>& value, std::string_view constraint);
  // A table or index name of the wrong length. DynamoDB reports it on its own ("TableName must be at
  // least 3 characters long and at most 255 characters long"), and only when nothing else is wrong.
  void name_length() { name_length_ = true; }
  std::size_t size() const { return messages_.size(); }
  // ValidationException "N validation error(s) detected: a; b", or success when there are none.
  Result<void> result() const;

 private:
  std::vector<std::string> messages_;
  bool name_length_ = false;
};

}  // namespace eddy::protocol
