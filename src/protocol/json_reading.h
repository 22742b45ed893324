// Reading one member's JSON value as the type the request declares, with DynamoDB's
// SerializationException texts for a value of another JSON type ("NUMBER_VALUE cannot be converted
// to String", "Start of structure or map found where not expected.", ...). A member that is absent
// or JSON null reads as absent (DynamoDB treats both alike). The request shapes (protocol/shape.h)
// read every member through these.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::protocol {

// The member `name` of `object`, or nullptr when absent or JSON null.
const JsonValue* json_member(const JsonValue& object, const char* name);

// SerializationException for a value of another JSON type than expected: "Start of structure or map
// found where not expected.", "Start of list found where not expected" or "Unexpected field type".
ApiError unexpected_type(const JsonValue& value);
// SerializationException for a value where a structure (an object) was expected.
Result<void> expect_object(const JsonValue& value);
// SerializationException for a value where a list (an array) was expected.
Result<void> expect_array(const JsonValue& value);
// SerializationException for a scalar of another type than `target` ("TRUE_VALUE cannot be converted
// to Integer"), or for an object or array.
ApiError wrong_scalar_type(const JsonValue& value, const char* target);

// Each reader leaves `out` as it is when `value` is nullptr (the member is absent).
Result<void> read_value(const JsonValue* value, std::string& out);
Result<void> read_value(const JsonValue* value, std::optional<std::string>& out);
Result<void> read_value(const JsonValue* value, int64_t& out);
Result<void> read_value(const JsonValue* value, std::optional<int64_t>& out);
Result<void> read_value(const JsonValue* value, bool& out);
Result<void> read_value(const JsonValue* value, std::optional<bool>& out);
// A list of strings (AttributesToGet, NonKeyAttributes, TagKeys).
Result<void> read_value(const JsonValue* value, std::vector<std::string>& out);
Result<void> read_value(const JsonValue* value, std::optional<std::vector<std::string>>& out);
// A map of string to string (ExpressionAttributeNames).
Result<void> read_value(const JsonValue* value, std::map<std::string, std::string>& out);
Result<void> read_value(const JsonValue* value, std::optional<std::map<std::string, std::string>>& out);
// A map of attribute name to AttributeValue (Item, Key, ExclusiveStartKey), decoded and checked as
// protocol/attribute_value_json.h does.
Result<void> read_value(const JsonValue* value, AttributeMap& out);
Result<void> read_value(const JsonValue* value, std::optional<AttributeMap>& out);

// The integer value of a JSON number as DynamoDB reads it (a fraction is cut off).
int64_t integer_of(const JsonValue& value);

}  // namespace eddy::protocol
