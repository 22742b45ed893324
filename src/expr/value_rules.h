// How expressions compare and describe AttributeValues: ordering of N, S and B, the type names
// DynamoDB's messages use, and the rendering of BETWEEN bounds in its error texts.
#pragma once

#include <optional>
#include <string>

#include "model/attribute_value.h"

namespace eddy::expr {

// True for N, S and B: the types <, <=, >, >= and BETWEEN order.
bool is_ordered_type(AttributeType type);

// <0, 0, >0 for two values of the same ordered type: N numerically, S by UTF-8 bytes, B by
// unsigned bytes.
int compare_ordered(const AttributeValue& a, const AttributeValue& b);

// The type names in ADD/DELETE operand errors: STRING, NUMBER, BINARY, BOOLEAN, NULL, LIST, MAP, ...
const char* update_operand_type_name(AttributeType type);

// "AttributeValue: {N:1}" as in BETWEEN's bound errors.
std::string describe_bound(const AttributeValue& value);

// attribute_type's second operand: the type named by `name`, or nullopt when it names none.
std::optional<AttributeType> type_from_name(const std::string& name);

}  // namespace eddy::expr
