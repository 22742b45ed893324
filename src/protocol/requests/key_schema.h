// KeySchema and AttributeDefinitions, shared by CreateTable, its index definitions and UpdateTable's
// GSI creation: the elements as sent, their shapes, and the resolution of a key schema against the
// attribute definitions with DynamoDB's messages ("Invalid KeySchema: The first KeySchemaElement is
// not a HASH key type", ...).
#pragma once

#include <string>
#include <vector>

#include "model/table_definition.h"
#include "protocol/shape.h"

namespace eddy::protocol {

struct KeySchemaElement {
  std::string attribute_name;
  std::string key_type;  // HASH or RANGE
};
const Shape<KeySchemaElement>& key_schema_element_shape();

struct AttributeDefinition {
  std::string attribute_name;
  std::string attribute_type;  // S, N or B
};
const Shape<AttributeDefinition>& attribute_definition_shape();

// The definitions as the model holds them (a type outside S, N, B has been refused as a constraint).
std::vector<KeyElement> key_elements(const std::vector<AttributeDefinition>& definitions);

// Resolves `elements` against `definitions`: a HASH element first, then RANGE, each defined.
// `multi_attribute_allowed` for GSIs, whose keys may have up to four attributes of each kind.
Result<KeySchema> resolve_key_schema(const std::vector<KeySchemaElement>& elements,
                                     const std::vector<KeyElement>& definitions, bool multi_attribute_allowed);

}  // namespace eddy::protocol
