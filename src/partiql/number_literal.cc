// Number literals (see number_literal.h): decimals are rounded to 38 significant digits half to even
// before eddy::Number checks their range.
#include "partiql/number_literal.h"

#include <cctype>
#include <string>

#include "model/number.h"
#include "model/result.h"
#include "partiql/errors.h"

namespace eddy::partiql {
namespace {

constexpr std::size_t kPrecision = 38;

struct Decimal {
  std::string digits;      // significant digits, no leading zeros; empty for zero
  long long exponent = 0;  // value = digits x 10^exponent
};

// Splits "12.50e-3" (no sign) into digits "1250" and exponent -5, then drops leading zeros.
Decimal split(std::string_view text) {
  Decimal out;
  std::size_t i = 0;
  long long fraction = 0;
  bool point = false;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'); ++i) {
    if (text[i] == '.') {
      point = true;
    } else {
      out.digits += text[i];
      if (point) ++fraction;
    }
  }
  long long exponent = 0;
  if (i < text.size()) {  // 'e' or 'E', then an optional sign and digits (the lexer checked them)
    ++i;
    bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    for (; i < text.size(); ++i) {
      if (exponent < 1000000) exponent = exponent * 10 + (text[i] - '0');  // saturates: far out of range anyway
    }
    if (negative) exponent = -exponent;
  }
  std::size_t first = out.digits.find_first_not_of('0');
  out.digits = first == std::string::npos ? "" : out.digits.substr(first);
  out.exponent = exponent - fraction;
  return out;
}

// Rounds to kPrecision significant digits, half to even.
void round(Decimal& value) {
  if (value.digits.size() <= kPrecision) return;
  std::string dropped = value.digits.substr(kPrecision);
  value.exponent += static_cast<long long>(dropped.size());
  value.digits.resize(kPrecision);
  bool above_half = dropped[0] > '5' || (dropped[0] == '5' && dropped.find_first_not_of('0', 1) != std::string::npos);
  bool half = dropped[0] == '5' && !above_half;
  bool odd = (value.digits.back() - '0') % 2 == 1;
  if (!above_half && !(half && odd)) return;
  int i = static_cast<int>(value.digits.size()) - 1;
  while (i >= 0 && value.digits[i] == '9') value.digits[i--] = '0';
  if (i >= 0) ++value.digits[i];
  else value.digits.insert(value.digits.begin(), '1');
}

}  // namespace

Result<std::string> number_literal(std::string_view text, bool decimal, std::string_view under, SourceLocation where) {
  bool negative = !text.empty() && text[0] == '-';
  std::string_view body = negative ? text.substr(1) : text;
  if (!decimal) {
    auto number = Number::parse(text);
    if (!number) {
      if (number.error().message.find("significant digits") != std::string::npos)
        return fail(errors::number_precision());
      return fail(number.error());
    }
    return number->to_string();
  }
  Decimal value = split(body);
  if (value.digits.empty()) {
    if (negative) return fail(errors::negative_zero(under, where));
    return std::string("0");
  }
  round(value);
  EDDY_TRY(Number number, Number::parse((negative ? "-" : "") + value.digits + "e" + std::to_string(value.exponent)));
  return number.to_string();
}

}  // namespace eddy::partiql
