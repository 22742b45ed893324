// AttributeValue <-> DynamoDB's JSON ({"S": "x"}, {"N": "1"}, {"B": "<base64>"}, {"M": {...}}, ...).
// Decoding validates exactly as DynamoDB does before any operation sees the value.
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy {

// Decodes one AttributeValue. Errors are DynamoDB's:
//  - SerializationException for a value of the wrong JSON type (e.g. {"S": 5}),
//  - ValidationException "Supplied AttributeValue is empty, must contain exactly one of the
//    supported datatypes", "Supplied AttributeValue has more than one datatypes set, must contain
//    exactly one of the supported datatypes", "One or more parameter values were invalid: An number
//    set  may not be empty", "Input collection [...] contains duplicates.", number errors, ...
//  - ValidationException "Nesting Levels have exceeded supported limits: ..." for maps and lists
//    nested more than 32 levels deep (a value on its own counts from its first map or list).
Result<AttributeValue> decode_attribute_value(const JsonValue& json);

// Decodes an item or key: a map of attribute name -> AttributeValue that counts as the first of
// the 32 nesting levels.
Result<AttributeMap> decode_attribute_map(const JsonValue& json);

void encode_attribute_value(JsonWriter& writer, const AttributeValue& value);
void encode_attribute_map(JsonWriter& writer, const AttributeMap& map);

// The JSON text of an item, e.g. for error bodies: {"a":{"S":"x"}}.
std::string attribute_map_to_json(const AttributeMap& map);

}  // namespace eddy
