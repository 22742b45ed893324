// Number: DynamoDB's decimal number, exact to 38 significant digits, with magnitude
// 1E-130 to 9.9999999999999999999999999999999999999E+125 (and zero).
// Never a double: arithmetic is exact and overflows the way DynamoDB reports it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/api_error.h"

namespace eddy {

class Number {
 public:
  Number() = default;  // zero

  // Parses DynamoDB's number syntax ("-12.50", "1e3", "+.5", "0001"). On failure returns
  // DynamoDB's ValidationException text, e.g.
  //   "The parameter cannot be converted to a numeric value: abc"
  //   "Attempting to store more than 38 significant digits in a Number"
  //   "Number overflow. Attempting to store a number with magnitude larger than supported range"
  //   "Number underflow. Attempting to store a number with magnitude smaller than supported range"
  // An empty text gives "The parameter cannot be converted to a numeric value" (no colon).
  // Checks run syntax, overflow, underflow, then digit count.
  //
  // The message is the core text; where the number sits decides what callers wrap it in:
  //   - Item, Key, NS members, nested M/L values, AttributeUpdates Value: the core text as is.
  //   - ExpressionAttributeValues: "ExpressionAttributeValues contains invalid value: "
  //     + core + " for key " + name, e.g. "... for key :v".
  static Result<Number> parse(std::string_view text);

  // Canonical text as DynamoDB returns it: no exponent, no trailing fractional zeros,
  // no leading zeros ("1.0" -> "1", "1e3" -> "1000", "-0" -> "0").
  std::string to_string() const;

  bool is_zero() const { return digits_.empty(); }
  bool negative() const { return negative_; }
  // Significant digits without leading or trailing zeros; empty for zero.
  const std::string& digits() const { return digits_; }
  // The value is 0.<digits> x 10^exponent (scientific, with the point before the first digit).
  int32_t exponent() const { return exponent_; }

  // <0, 0, >0 comparing numerically.
  int compare(const Number& other) const;
  bool operator==(const Number& other) const { return compare(other) == 0; }

  // Exact sum/difference; fails with DynamoDB's overflow/underflow/precision errors:
  // the overflow and underflow texts above, or, when the exact result needs more than
  // 38 significant digits, "DynamoDB only supports precision up to 38 digits".
  Result<Number> add(const Number& other) const;
  Result<Number> subtract(const Number& other) const;

 private:
  bool negative_ = false;
  std::string digits_;
  int32_t exponent_ = 0;
};

}  // namespace eddy
