// DYNAMODB_JSON, the export and import format of one item per line:
//   line := '{"Item":' attribute-map '}' '\n'
// attribute-map is the item in DynamoDB's own JSON ({"id":{"S":"a"},"n":{"N":"1"}}), as the API
// sends it (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html).
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::exports {

// The item's line, '\n' included.
std::string dynamodb_json_line(const Item& item);
// The item of one line (without its '\n'); a ValidationException saying what is wrong with it
// (not JSON, no "Item" object, an AttributeValue DynamoDB refuses).
Result<Item> read_dynamodb_json_line(std::string_view line);

}  // namespace eddy::exports
