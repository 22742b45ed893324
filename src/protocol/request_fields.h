// Typed access to the members of a request's JSON object, with DynamoDB's errors: a member of the
// wrong JSON type is a SerializationException; constraint failures are collected and reported
// together as DynamoDB does ("2 validation errors detected: Value ... at 'x' failed to satisfy
// constraint: ...; Value ...").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy {

// The member `name` of `object`, or nullptr when absent or JSON null (DynamoDB treats both alike).
const JsonValue* member(const JsonValue& object, const char* name);

// SerializationException for a member of the wrong JSON type (an object or array where another
// shape was expected).
ApiError wrong_type(const char* name, const JsonValue& value);
// SerializationException for a scalar member that is not of `target` type ("NUMBER_VALUE cannot be
// converted to String").
ApiError wrong_scalar_type(const JsonValue& value, const char* target);

Result<std::optional<std::string>> read_string(const JsonValue& object, const char* name);
Result<std::optional<int64_t>> read_integer(const JsonValue& object, const char* name);
Result<std::optional<bool>> read_bool(const JsonValue& object, const char* name);
// Object or array members: nullptr when absent; SerializationException when of another type.
Result<const JsonValue*> read_object(const JsonValue& object, const char* name);
Result<const JsonValue*> read_array(const JsonValue& object, const char* name);
// A map of string -> string (ExpressionAttributeNames).
Result<std::optional<std::map<std::string, std::string>>> read_string_map(const JsonValue& object, const char* name);
// A map of name -> AttributeValue (Item, Key, ExpressionAttributeValues, ExclusiveStartKey).
Result<std::optional<AttributeMap>> read_attribute_map(const JsonValue& object, const char* name);
Result<std::optional<std::vector<std::string>>> read_string_list(const JsonValue& object, const char* name);

// Collects DynamoDB's constraint violations in the order the checks run.
class ConstraintViolations {
 public:
  // "Value '<value>' at '<path>' failed to satisfy constraint: <constraint>"
  void add(std::string_view path, const std::optional<std::string>& value, std::string_view constraint);
  void add_raw(std::string message) { messages_.push_back(std::move(message)); }
  void not_null(std::string_view path, bool present);
  void length(std::string_view path, const std::optional<std::string>& value, std::size_t min, std::size_t max);
  void enum_value(std::string_view path, const std::optional<std::string>& value,
                  const std::vector<std::string_view>& allowed);
  void table_name(std::string_view path, const std::optional<std::string>& value, bool required = true);
  void index_name(std::string_view path, const std::optional<std::string>& value, bool required = true);
  void integer_range(std::string_view path, const std::optional<int64_t>& value, int64_t min, int64_t max);
  bool empty() const { return messages_.empty(); }
  // ValidationException "N validation error(s) detected: a; b" or success.
  Result<void> result() const;

 private:
  std::vector<std::string> messages_;
  std::string name_length_error_;
};

}  // namespace eddy
