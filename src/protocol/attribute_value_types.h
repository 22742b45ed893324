// The JSON types inside AttributeValues, checked as DynamoDB's deserializer checks them before any
// value is validated: {"S": 5} is "NUMBER_VALUE cannot be converted to String", {"B": 5} "only
// base-64-encoded strings are convertible to bytes", {"L": [5]} "Unexpected value type in payload",
// {"M": []} "Unrecognized collection type java.util.Map<...>", ... (texts in json_reading.h).
// Only the types: an empty value, two types in one, a bad number or a duplicate in a set are
// ValidationExceptions that decoding (attribute_value_json.h) reports afterwards.
#pragma once

#include "model/result.h"
#include "protocol/json.h"

namespace eddy::protocol {

// One AttributeValue (always a map's value or a list's element to the deserializer).
Result<void> check_attribute_value_types(const JsonValue& value);
// A map of attribute name to AttributeValue (an item, a key), once it is known to be an object.
Result<void> check_attribute_map_types(const JsonValue& map);

}  // namespace eddy::protocol
