// Small conversions from a template's property values to a CreateTable request's members.
// CloudFormation accepts "5" for a number and "true" for a boolean (YAML templates give nothing
// else, yaml_document.h), so these do too.
#pragma once

#include <string_view>

#include "protocol/json.h"

namespace eddy::init {

using Allocator = JsonDocument::AllocatorType;

// "12" -> 12; anything that is not a whole number in a string is left for CreateTable to refuse.
void coerce_number(JsonValue& value);
// "true"/"false" in any case -> true/false; otherwise left as it is.
void coerce_bool(JsonValue& value);

// The member `name` of an object, or nullptr (also when `object` is not an object).
JsonValue* member(JsonValue& object, std::string_view name);
// Adds a deep copy of `value` as `name` to `target` (an object).
void put(JsonValue& target, std::string_view name, const JsonValue& value, Allocator& allocator);
void put_string(JsonValue& target, std::string_view name, std::string_view value, Allocator& allocator);

// ProvisionedThroughput with its two numbers coerced.
JsonValue throughput(const JsonValue& value, Allocator& allocator);

}  // namespace eddy::init
