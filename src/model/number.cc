// Number: parsing, canonical text, comparison and exact arithmetic for DynamoDB's
// decimal number type. Values are kept as significant digits and an exponent; sums
// are computed exactly with Boost's cpp_int and never pass through a double.
//
// What DynamoDB answers (ValidationException for all of these):
//   N "abc"                    -> "The parameter cannot be converted to a numeric value: abc"
//   N ""                       -> "The parameter cannot be converted to a numeric value"
//   N of 39 significant digits -> "Attempting to store more than 38 significant digits in a Number"
//   N "1e126", "-1e200"        -> "Number overflow. Attempting to store a number with magnitude
//                                  larger than supported range"
//   N "1e-131"                 -> "Number underflow. Attempting to store a number with magnitude
//                                  smaller than supported range"
//   SET n = n + :x needing 39 digits (12345678901234567890123456789012345678 + 0.1)
//                              -> "DynamoDB only supports precision up to 38 digits"
//   SET n = n + :x beyond 9.99..E+125 -> the overflow text above (checked before precision).
// Range checks run overflow, underflow, then precision. See number.h for the prefixes
// callers add in each context. DynamoDB Local differs in two texts ("A value provided
// cannot be converted into a number", and the arithmetic precision text for a parsed
// number too) and checks precision first; eddy follows DynamoDB.
//
// Syntax is Java BigDecimal's: optional sign, digits with an optional point (at least
// one digit), optional e/E exponent with optional sign. The exponent must fit a 32-bit
// int, and so must (fraction digits - exponent): "1e2147483648" cannot be converted.
#include "model/number.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <optional>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>

namespace eddy {
namespace {

using boost::multiprecision::cpp_int;

constexpr std::size_t kMaxDigits = 38;
// Scientific exponents (d.ddd x 10^e) DynamoDB accepts.
constexpr int64_t kMaxScientificExponent = 125;
constexpr int64_t kMinScientificExponent = -130;

constexpr const char* kNotNumeric = "The parameter cannot be converted to a numeric value";
constexpr const char* kTooManyDigits = "Attempting to store more than 38 significant digits in a Number";
constexpr const char* kArithmeticTooManyDigits = "DynamoDB only supports precision up to 38 digits";
constexpr const char* kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
constexpr const char* kUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A value as 0.<digits> x 10^exponent, digits without leading or trailing zeros.
struct Decimal {
  bool negative = false;
  std::string digits;
  int64_t exponent = 0;
};

// The literal split into its parts, before any normalisation.
struct Literal {
  bool negative = false;
  std::string_view integer_digits;
  std::string_view fraction_digits;
  int64_t exponent = 0;
};

// Reads the exponent digits the way BigDecimal does: leading zeros are free, more than
// ten further digits or a value outside a 32-bit int cannot be converted.
std::optional<int64_t> parse_exponent(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !std::all_of(text.begin(), text.end(), is_ascii_digit)) return std::nullopt;
  while (text.size() > 1 && text[0] == '0') text.remove_prefix(1);
  if (text.size() > 10) return std::nullopt;
  int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  if (negative) value = -value;
  if (value > std::numeric_limits<int32_t>::max() || value < std::numeric_limits<int32_t>::min()) {
    return std::nullopt;
  }
  return value;
}

std::optional<Literal> split_literal(std::string_view text) {
  Literal literal;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    literal.negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::size_t pos = 0;
  while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
  literal.integer_digits = text.substr(0, pos);
  if (pos < text.size() && text[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
    literal.fraction_digits = text.substr(start, pos - start);
  }
  if (literal.integer_digits.empty() && literal.fraction_digits.empty()) return std::nullopt;
  if (pos < text.size()) {
    if (text[pos] != 'e' && text[pos] != 'E') return std::nullopt;
    auto exponent = parse_exponent(text.substr(pos + 1));
    if (!exponent) return std::nullopt;
    literal.exponent = *exponent;
  }
  // BigDecimal keeps (fraction digits - exponent) as its 32-bit scale.
  int64_t scale = static_cast<int64_t>(literal.fraction_digits.size()) - literal.exponent;
  if (scale > std::numeric_limits<int32_t>::max() || scale < std::numeric_limits<int32_t>::min()) {
    return std::nullopt;
  }
  return literal;
}

Decimal normalise(const Literal& literal) {
  std::string all(literal.integer_digits);
  all.append(literal.fraction_digits);
  std::size_t first = all.find_first_not_of('0');
  if (first == std::string::npos) return Decimal{};  // zero, whatever its sign
  std::size_t last = all.find_last_not_of('0');
  Decimal value;
  value.negative = literal.negative;
  value.digits = all.substr(first, last - first + 1);
  int64_t length_without_leading_zeros = static_cast<int64_t>(all.size() - first);
  value.exponent =
      length_without_leading_zeros - static_cast<int64_t>(literal.fraction_digits.size()) + literal.exponent;
  return value;
}

// The range check DynamoDB applies to a stored number; nullopt when it fits.
std::optional<std::string> range_error(const Decimal& value, const char* too_many_digits) {
  if (value.digits.empty()) return std::nullopt;
  int64_t scientific = value.exponent - 1;
  if (scientific > kMaxScientificExponent) return std::string(kOverflow);
  if (scientific < kMinScientificExponent) return std::string(kUnderflow);
  if (value.digits.size() > kMaxDigits) return std::string(too_many_digits);
  return std::nullopt;
}

// value = coefficient x 10^scale, with the sign carried by the coefficient.
cpp_int coefficient(bool negative, const std::string& digits) {
  cpp_int result(digits);
  return negative ? cpp_int(-result) : result;
}

cpp_int power_of_ten(int64_t exponent) {
  return boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(exponent));
}

Decimal from_coefficient(const cpp_int& sum, int64_t scale) {
  if (sum == 0) return Decimal{};
  Decimal value;
  value.negative = sum < 0;
  std::string text = cpp_int(boost::multiprecision::abs(sum)).str();
  std::size_t last = text.find_last_not_of('0');
  value.exponent = static_cast<int64_t>(text.size()) + scale;
  text.resize(last + 1);
  value.digits = std::move(text);
  return value;
}

}  // namespace

Result<Number> Number::parse(std::string_view text) {
  if (text.empty()) return validation_error(kNotNumeric);
  auto literal = split_literal(text);
  if (!literal) return validation_error(std::string(kNotNumeric) + ": " + std::string(text));
  Decimal value = normalise(*literal);
  if (auto error = range_error(value, kTooManyDigits)) return validation_error(*error);
  Number number;
  number.negative_ = value.negative;
  number.digits_ = std::move(value.digits);
  number.exponent_ = static_cast<int32_t>(value.exponent);
  return number;
}

std::string Number::to_string() const {
  if (is_zero()) return "0";
  std::string text = negative_ ? "-" : "";
  int64_t length = static_cast<int64_t>(digits_.size());
  if (exponent_ <= 0) {
    text += "0.";
    text.append(static_cast<std::size_t>(-exponent_), '0');
    text += digits_;
  } else if (exponent_ >= length) {
    text += digits_;
    text.append(static_cast<std::size_t>(exponent_ - length), '0');
  } else {
    text.append(digits_, 0, static_cast<std::size_t>(exponent_));
    text += '.';
    text.append(digits_, static_cast<std::size_t>(exponent_), std::string::npos);
  }
  return text;
}

int Number::compare(const Number& other) const {
  int sign = is_zero() ? 0 : (negative_ ? -1 : 1);
  int other_sign = other.is_zero() ? 0 : (other.negative_ ? -1 : 1);
  if (sign != other_sign) return sign < other_sign ? -1 : 1;
  if (sign == 0) return 0;
  // Same sign: compare magnitudes, then flip for negatives.
  int magnitude = 0;
  if (exponent_ != other.exponent_) {
    magnitude = exponent_ < other.exponent_ ? -1 : 1;
  } else {
    // No trailing zeros, so plain text order is numeric order for equal exponents.
    int c = digits_.compare(other.digits_);
    magnitude = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return sign * magnitude;
}

Result<Number> Number::add(const Number& other) const {
  if (other.is_zero()) return *this;
  if (is_zero()) return other;
  // Align both coefficients on the smaller scale; the shift is at most ~300 digits.
  int64_t scale = exponent_ - static_cast<int64_t>(digits_.size());
  int64_t other_scale = other.exponent_ - static_cast<int64_t>(other.digits_.size());
  int64_t common = std::min(scale, other_scale);
  cpp_int sum = coefficient(negative_, digits_) * power_of_ten(scale - common) +
                coefficient(other.negative_, other.digits_) * power_of_ten(other_scale - common);
  Decimal value = from_coefficient(sum, common);
  if (auto error = range_error(value, kArithmeticTooManyDigits)) return validation_error(*error);
  Number result;
  result.negative_ = value.negative;
  result.digits_ = std::move(value.digits);
  result.exponent_ = static_cast<int32_t>(value.exponent);
  return result;
}

Result<Number> Number::subtract(const Number& other) const {
  Number negated = other;
  if (!negated.is_zero()) negated.negative_ = !negated.negative_;
  return add(negated);
}

}  // namespace eddy
