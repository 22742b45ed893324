// Reading one member's JSON value as the type the request declares, with the texts of DynamoDB's
// deserializer (recorded against DynamoDB by dynalite's test suite) for a value of another JSON
// type. Which text depends on what was expected and where:
//   a String, Boolean, Integer or Long   "NUMBER_VALUE cannot be converted to String",
//                                        "Unexpected token received from parser" (a string for a Boolean),
//                                        "Unrecognized collection type class java.lang.String" (a list),
//                                        "Start of structure or map found where not expected" (an object)
//   a list                               "Unexpected field type", or "Start of structure or map ..."
//   a map                                "Unexpected field type", or "Unrecognized collection type
//                                        java.util.Map<java.lang.String, com.amazonaws...AttributeValue>"
//   a structure in a member              "Unexpected field type", or "Unrecognized collection type class
//                                        com.amazonaws.dynamodb.v20120810.KeySchemaElement"
//   a structure in a list or map         "Unexpected value type in payload", or the same
// A member that is absent or JSON null reads as absent (DynamoDB treats both alike). The request
// shapes (protocol/shape.h) read every member through these.
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

namespace eddy::protocol {

// The member `name` of `object`, or nullptr when absent or JSON null.
const JsonValue* json_member(const JsonValue& object, const char* name);

// Where a structure sits: as a member of another, or as an element of a list or a value of a map.
enum class Position { kMember, kValue };

// SerializationException for a scalar or a collection where the scalar `target` ("String",
// "Boolean", "Integer", "Long") was expected.
ApiError wrong_scalar_type(const JsonValue& value, const char* target);
// The value is a structure (an object) of the service model's type `type_name` ("KeySchemaElement").
Result<void> expect_structure(const JsonValue& value, std::string_view type_name, Position position);
// The value is a list (an array).
Result<void> expect_list(const JsonValue& value);
// The value is a map (an object) whose values are of `value_type`: a service model type name
// ("AttributeValue") or a Java class ("java.lang.String").
Result<void> expect_map(const JsonValue& value, std::string_view value_type);
// The value is a list held as a map's value (BatchWriteItem's RequestItems) or a map held in a list
// (BatchGetItem's Keys), where DynamoDB's deserializer answers a scalar with a Java cast failure.
Result<void> expect_list_in_map(const JsonValue& value);
Result<void> expect_map_in_list(const JsonValue& value, std::string_view value_type);

// Each reader leaves `out` as it is when `value` is nullptr (the member is absent).
Result<void> read_value(const JsonValue* value, std::string& out);
Result<void> read_value(const JsonValue* value, std::optional<std::string>& out);
Result<void> read_value(const JsonValue* value, int64_t& out);
Result<void> read_value(const JsonValue* value, std::optional<int64_t>& out);
// As above for the members the service model declares as Long (capacity units): only the text of
// a wrong type differs.
Result<void> read_long(const JsonValue* value, int64_t& out);
Result<void> read_long(const JsonValue* value, std::optional<int64_t>& out);
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
