// Number: parsing and canonical text as DynamoDB returns it, every error text, numeric
// ordering against independent arithmetic, and exact sums with their range errors.
#include "model/number.h"

#include <cstdlib>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <boost/multiprecision/cpp_dec_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>

namespace eddy {
namespace {

using boost::multiprecision::cpp_int;
using WideDecimal = boost::multiprecision::number<boost::multiprecision::cpp_dec_float<400>>;

const std::string kNotNumeric = "The parameter cannot be converted to a numeric value";
const std::string kTooManyDigits = "Attempting to store more than 38 significant digits in a Number";
const std::string kArithmeticTooManyDigits = "DynamoDB only supports precision up to 38 digits";
const std::string kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
const std::string kUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";

std::string zeros(std::size_t n) { return std::string(n, '0'); }

Number num(const std::string& text) {
  auto parsed = Number::parse(text);
  EXPECT_TRUE(parsed.has_value()) << text << ": " << (parsed ? "" : parsed.error().message);
  return parsed ? *parsed : Number();
}

std::string error_of(const std::string& text) {
  auto parsed = Number::parse(text);
  if (parsed) return "parsed as " + parsed->to_string();
  EXPECT_EQ(parsed.error().code, ErrorCode::kValidation);
  return parsed.error().message;
}

// Canonical forms recorded from DynamoDB (PutItem, then GetItem).
TEST(NumberTest, CanonicalText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1.0", "1"},
      {"1e3", "1000"},
      {"-0", "0"},
      {"0.000100", "0.0001"},
      {"1E-130", "0." + zeros(129) + "1"},
      {"-1e-130", "-0." + zeros(129) + "1"},
      {"0.1e-129", "0." + zeros(129) + "1"},
      {"9.9999999999999999999999999999999999999E+125", std::string(38, '9') + zeros(88)},
      {"1e125", "1" + zeros(125)},
      {"100000000000000000000000000000000000000000", "1" + zeros(41)},
      {"12345678901234567890123456789012345678", "12345678901234567890123456789012345678"},
      {"1234567890123456789012345678901234567.8", "1234567890123456789012345678901234567.8"},
      {"1.0000000000000000000000000000000000000000000", "1"},
      {"10000000000000000000000000000000000000000.0", "1" + zeros(40)},
      {"+5", "5"},
      {"+.5", "0.5"},
      {"5.", "5"},
      {"-.5e-3", "-0.0005"},
      {"0001", "1"},
      {zeros(50) + "1.5", "1.5"},
      {"0.0", "0"},
      {"0.00", "0"},
      {"-0.0e10", "0"},
      {"0e500", "0"},
      {"0e-500", "0"},
      {"0e2147483647", "0"},
      {"1e+2", "100"},
      {"1E+0", "1"},
      {"1e-0", "1"},
      {"1e0000000000000000002", "100"},
      {"1.5E3", "1500"},
      {"1.23e-5", "0.0000123"},
      {"123.456e2", "12345.6"},
      {"12e-1", "1.2"},
      {"-42", "-42"},
      {"-123.4500", "-123.45"},
  };
  for (const auto& [input, canonical] : cases) {
    EXPECT_EQ(num(input).to_string(), canonical) << input;
    // Canonical text is a fixed point of parse + to_string.
    EXPECT_EQ(num(canonical).to_string(), canonical) << canonical;
  }
}

TEST(NumberTest, PartsOfTheValue) {
  Number n = num("-123.4500");
  EXPECT_TRUE(n.negative());
  EXPECT_EQ(n.digits(), "12345");
  EXPECT_EQ(n.exponent(), 3);
  EXPECT_TRUE(num("-0").is_zero());
  EXPECT_FALSE(num("-0").negative());
  EXPECT_TRUE(Number().is_zero());
  EXPECT_EQ(Number().to_string(), "0");
  EXPECT_EQ(num("0.001").exponent(), -2);
}

TEST(NumberTest, TextsThatAreNotNumbers) {
  EXPECT_EQ(error_of(""), kNotNumeric);
  for (const std::string text : {"abc",
                                 ".",
                                 "1e",
                                 " 1",
                                 "1 ",
                                 "0x10",
                                 "Infinity",
                                 "NaN",
                                 "-Infinity",
                                 "--1",
                                 "1..2",
                                 "1e2.5",
                                 "e5",
                                 "1_0",
                                 "-",
                                 "+",
                                 "-e5",
                                 "1e+",
                                 "1e-",
                                 "++1",
                                 "+-1",
                                 "1E5E5",
                                 "1,5",
                                 "1e99999999999999999999",
                                 "1e2147483648",
                                 "1e-2147483648",
                                 "1.0e-2147483647",
                                 "0e99999999999",
                                 "\xd9\xa3",
                                 "1\n",
                                 "\t1"}) {
    EXPECT_EQ(error_of(text), std::string(kNotNumeric).append(": ").append(text)) << text;
  }
}

TEST(NumberTest, TooManyDigits) {
  for (const std::string text :
       {"123456789012345678901234567890123456789", "-1.23456789012345678901234567890123456789",
        "1.00000000000000000000000000000000000000000001", "123456789012345678901234567890123456789e-1",
        "0.000123456789012345678901234567890123456789", "9.99999999999999999999999999999999999999E+125"}) {
    EXPECT_EQ(error_of(text), kTooManyDigits) << text;
  }
}

TEST(NumberTest, OutOfRange) {
  for (const std::string text : {"1e126", "-1e126", "1e200", "10E+125", "-1.5e300", "1e2147483647",
                                 "1.23456789012345678901234567890123456789e200"}) {
    EXPECT_EQ(error_of(text), kOverflow) << text;
  }
  for (const std::string text :
       {"1e-131", "-1e-131", "1e-200", "0.09e-129", "0.0000000000000000000000000000000000000000001e-100",
        "1.23456789012345678901234567890123456789e-200"}) {
    EXPECT_EQ(error_of(text), kUnderflow) << text;
  }
}

TEST(NumberTest, CompareKnownPairs) {
  EXPECT_EQ(num("1").compare(num("1.0")), 0);
  EXPECT_EQ(num("-0").compare(num("0")), 0);
  EXPECT_LT(num("-1").compare(num("0")), 0);
  EXPECT_GT(num("0.1").compare(num("0.09")), 0);
  EXPECT_LT(num("1.1").compare(num("1.11")), 0);
  EXPECT_GT(num("-1.1").compare(num("-1.11")), 0);
  EXPECT_LT(num("-1e125").compare(num("-1e-130")), 0);
  EXPECT_LT(num("1e-130").compare(num("1e125")), 0);
  EXPECT_GT(num("10").compare(num("9.99999")), 0);
  EXPECT_TRUE(num("1e3") == num("1000"));
}

// Random numbers built from a coefficient and a power of ten, printed in exponent form
// so that parsing handles the exponent too.
struct RandomNumber {
  cpp_int coefficient;  // signed
  int scale = 0;
  std::string text;
};

RandomNumber random_number(std::mt19937_64& rng, int max_digits, int min_scale, int max_scale) {
  std::uniform_int_distribution<int> length(1, max_digits), digit(0, 9), coin(0, 1);
  std::uniform_int_distribution<int> scale(min_scale, max_scale);
  std::string digits;
  int n = length(rng);
  for (int i = 0; i < n; ++i) digits += static_cast<char>('0' + digit(rng));
  RandomNumber result;
  result.scale = scale(rng);
  bool negative = coin(rng) == 1;
  // cpp_int reads a leading 0 as octal, so the coefficient skips leading zeros.
  std::size_t first = digits.find_first_not_of('0');
  result.coefficient = first == std::string::npos ? cpp_int(0) : cpp_int(digits.substr(first));
  if (negative) result.coefficient = -result.coefficient;
  result.text = (negative ? "-" : "") + digits + "e" + std::to_string(result.scale);
  return result;
}

int sign_of(int value) { return (value > 0) - (value < 0); }

TEST(NumberTest, CompareMatchesLongDoubleForSmallValues) {
  std::mt19937_64 rng(20240601);
  for (int i = 0; i < 3000; ++i) {
    RandomNumber a = random_number(rng, 15, -20, 20);
    RandomNumber b = i % 7 == 0 ? a : random_number(rng, 15, -20, 20);
    long double x = std::strtold(a.text.c_str(), nullptr);
    long double y = std::strtold(b.text.c_str(), nullptr);
    int expected = x < y ? -1 : (x > y ? 1 : 0);
    EXPECT_EQ(sign_of(num(a.text).compare(num(b.text))), expected) << a.text << " vs " << b.text;
  }
}

TEST(NumberTest, CompareMatchesWideDecimalOverTheWholeRange) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    RandomNumber a = random_number(rng, 38, -160, 87);
    RandomNumber b = random_number(rng, 38, -160, 87);
    auto na = Number::parse(a.text), nb = Number::parse(b.text);
    if (!na || !nb) continue;  // outside DynamoDB's range
    WideDecimal x(a.text), y(b.text);
    int expected = x < y ? -1 : (x > y ? 1 : 0);
    EXPECT_EQ(sign_of(na->compare(*nb)), expected) << a.text << " vs " << b.text;
    EXPECT_EQ(sign_of(nb->compare(*na)), -expected);
    EXPECT_EQ(na->compare(*na), 0);
  }
}

// Results recorded from DynamoDB's UpdateExpression arithmetic (SET n = n + :x).
TEST(NumberTest, AddAndSubtractKnownCases) {
  auto sum = [](const std::string& a, const std::string& b) {
    auto r = num(a).add(num(b));
    return r ? r->to_string() : r.error().message;
  };
  auto difference = [](const std::string& a, const std::string& b) {
    auto r = num(a).subtract(num(b));
    return r ? r->to_string() : r.error().message;
  };
  const std::string max = "9.9999999999999999999999999999999999999E+125";
  EXPECT_EQ(sum("12345678901234567890123456789012345678", "0.1"), kArithmeticTooManyDigits);
  EXPECT_EQ(sum("12345678901234567890123456789012345678", "1"), "12345678901234567890123456789012345679");
  EXPECT_EQ(sum(std::string(38, '9'), "1"), "1" + zeros(38));
  EXPECT_EQ(sum(std::string(38, '9'), "2"), kArithmeticTooManyDigits);
  EXPECT_EQ(sum(max, "1E+88"), kOverflow);
  EXPECT_EQ(sum(max, "1E+125"), kOverflow);
  EXPECT_EQ(sum(max, max), kOverflow);
  EXPECT_EQ(difference("-" + max, max), kOverflow);
  EXPECT_EQ(difference("1E-130", "1E-130"), "0");
  EXPECT_EQ(difference("2E-130", "1E-130"), "0." + zeros(129) + "1");
  EXPECT_EQ(difference("1.1E-130", "1E-130"), kUnderflow);
  EXPECT_EQ(sum("1E+125", "1E-130"), kArithmeticTooManyDigits);
  EXPECT_EQ(sum("1", "1E-130"), kArithmeticTooManyDigits);
  EXPECT_EQ(difference("1", "1"), "0");
  EXPECT_EQ(sum("0.5", "0.5"), "1");
  EXPECT_EQ(difference("1", "0.0000000000000000000000000000000000001"), "0." + std::string(37, '9'));
  EXPECT_EQ(difference("1", "0.00000000000000000000000000000000000001"), "0." + std::string(38, '9'));
  EXPECT_EQ(difference("1", "0.000000000000000000000000000000000000001"), kArithmeticTooManyDigits);
  EXPECT_EQ(sum("100", "0.000000000000000000000000000000000001"), kArithmeticTooManyDigits);
  EXPECT_EQ(sum("0", "-7.5"), "-7.5");
  EXPECT_EQ(sum("-7.5", "0"), "-7.5");
  EXPECT_EQ(difference("0", "-7.5"), "7.5");
  EXPECT_EQ(difference("0", "0"), "0");
  EXPECT_EQ(sum("-2", "0.5"), "-1.5");
  EXPECT_EQ(difference("-2", "-2.5"), "0.5");
}

// The exact sum of a coefficient pair, computed independently of Number.
struct ExactSum {
  cpp_int coefficient;
  int scale;
};

ExactSum exact_sum(const RandomNumber& a, const RandomNumber& b) {
  int common = std::min(a.scale, b.scale);
  cpp_int ten = 10;
  cpp_int x = a.coefficient * boost::multiprecision::pow(ten, static_cast<unsigned>(a.scale - common));
  cpp_int y = b.coefficient * boost::multiprecision::pow(ten, static_cast<unsigned>(b.scale - common));
  return ExactSum{x + y, common};
}

std::size_t significant_digits(const cpp_int& value) {
  if (value == 0) return 0;
  std::string text = cpp_int(boost::multiprecision::abs(value)).str();
  return text.find_last_not_of('0') + 1;
}

TEST(NumberTest, AddIsExactOrFailsForPrecision) {
  std::mt19937_64 rng(99);
  int exact = 0, refused = 0;
  for (int i = 0; i < 3000; ++i) {
    // Narrow scales so that the interesting boundary (38 digits) is hit often.
    RandomNumber a = random_number(rng, 38, -45, 5);
    RandomNumber b = random_number(rng, 38, -45, 5);
    ExactSum expected = exact_sum(a, b);
    auto result = num(a.text).add(num(b.text));
    if (significant_digits(expected.coefficient) > 38) {
      ASSERT_FALSE(result.has_value()) << a.text << " + " << b.text;
      EXPECT_EQ(result.error().message, kArithmeticTooManyDigits);
      ++refused;
      continue;
    }
    ASSERT_TRUE(result.has_value()) << a.text << " + " << b.text << ": " << result.error().message;
    std::string expected_text = expected.coefficient.str() + "e" + std::to_string(expected.scale);
    EXPECT_EQ(WideDecimal(result->to_string()), WideDecimal(expected_text)) << a.text << " + " << b.text;
    EXPECT_EQ(result->compare(num(expected_text)), 0);
    // a + b - b == a whenever every step fits.
    auto back = result->subtract(num(b.text));
    if (back) {
      EXPECT_EQ(back->compare(num(a.text)), 0);
    }
    ++exact;
  }
  EXPECT_GT(exact, 100);
  EXPECT_GT(refused, 100);
}

TEST(NumberTest, SubtractIsAddOfTheNegation) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 1000; ++i) {
    RandomNumber a = random_number(rng, 20, -30, 30);
    RandomNumber b = random_number(rng, 20, -30, 30);
    std::string negated_b = b.text[0] == '-' ? b.text.substr(1) : "-" + b.text;
    auto d = num(a.text).subtract(num(b.text));
    auto s = num(a.text).add(num(negated_b));
    ASSERT_EQ(d.has_value(), s.has_value());
    if (d) {
      EXPECT_EQ(d->to_string(), s->to_string());
    }
  }
}

}  // namespace
}  // namespace eddy
