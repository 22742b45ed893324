// Number literals to DynamoDB numbers. DynamoDB reads PartiQL numbers the way Ion does, which differs
// from the N members of the JSON API:
//   - an integer (digits only) is exact: more than 38 significant digits is "DynamoDB only supports
//     precision up to 38 digits";
//   - a decimal (with '.' or an exponent) is rounded to 38 significant digits, half to even
//     (0.123456789012345678901234567890123456785 is stored as ...678), and a negative zero such as
//     -0.0 is refused ("Negative zero decimal is not supported under key root");
//   - both then meet the range of eddy::Number (overflow and underflow errors as for any number).
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "partiql/source_location.h"

namespace eddy::partiql {

// `text` is the literal as written, with a leading '-' when negated; `decimal` says it was written
// with a '.' or an exponent. Returns the canonical number text (Number::to_string).
Result<std::string> number_literal(std::string_view text, bool decimal, std::string_view under, SourceLocation where);

}  // namespace eddy::partiql
