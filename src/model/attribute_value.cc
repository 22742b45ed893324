// AttributeValue: type names, factories, DynamoDB's deep equality, and item size as
// DynamoDB counts it for the 400 KB item limit and capacity units.
//
// Sizes follow "DynamoDB item sizes and formats"
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
//   S: UTF-8 bytes; B: raw bytes; BOOL, NULL: 1 byte; SS/BS: sum of members; NS: sum of
//   number sizes; L and M: 3 bytes + per element 1 byte + its size (+ its key's UTF-8
//   bytes for M); an item: sum of attribute name bytes + value sizes.
// Numbers are where the guide's "1 byte per two significant digits plus 1 byte" is only
// approximate. Sizes measured against DynamoDB at the 400 KB limit ("3.14159" costs 5
// bytes, "123456" costs 4, "1.5" costs 3, "15" costs 2, "100.5" costs 4, "-42" costs 3,
// "0" costs 1) fit a base-100 mantissa: one byte per pair of digits, pairs aligned on
// the decimal point, leading and trailing zero pairs dropped, plus one byte for the
// exponent and one more for a negative sign. number_size computes exactly that.
#include "model/attribute_value.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "model/number.h"

namespace eddy {
namespace {

// Floor division, so that digit pairs line up on the decimal point for negative powers.
int64_t floor_half(int64_t value) { return value >= 0 ? value / 2 : -((-value + 1) / 2); }

// Number members in canonical text, so that textual set comparison is numeric.
std::vector<std::string> canonical_numbers(const std::vector<std::string>& members) {
  std::vector<std::string> canonical;
  canonical.reserve(members.size());
  for (const auto& member : members) {
    auto number = Number::parse(member);
    canonical.push_back(number ? number->to_string() : member);
  }
  return canonical;
}

bool same_members(std::vector<std::string> left, std::vector<std::string> right) {
  if (left.size() != right.size()) return false;
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  return left == right;
}

bool same_number(const std::string& left, const std::string& right) {
  if (left == right) return true;
  auto a = Number::parse(left);
  auto b = Number::parse(right);
  return a && b && *a == *b;
}

std::size_t set_size(const AttributeValue& value) {
  std::size_t size = 0;
  for (const auto& member : value.set) {
    size += value.type == AttributeType::kNS ? number_size(member) : member.size();
  }
  return size;
}

// number_size from the number's significant digit positions.
std::size_t digit_pairs_size(bool negative, int64_t highest_power, int64_t lowest_power) {
  auto pairs = static_cast<std::size_t>(floor_half(highest_power) - floor_half(lowest_power) + 1);
  return 1 + pairs + (negative ? 1 : 0);
}

// number_size for plain decimal text ("-12.50", "007", "0.001"): the powers of ten of the first
// and last non-zero digits, read off the text. nullopt for anything else (exponents, signs other
// than a leading '-'), which takes the full parse.
std::optional<std::size_t> plain_decimal_size(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::size_t point = text.find('.');
  std::size_t integer_digits = point == std::string_view::npos ? text.size() : point;
  int64_t highest = 0, lowest = 0;
  bool found = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i == point) continue;
    if (c < '0' || c > '9') return std::nullopt;  // a second '.', an exponent, a sign
    if (c == '0') continue;
    // Digit i stands for 10^(integer_digits - 1 - i) before the point, 10^(integer_digits - i) after.
    int64_t power = static_cast<int64_t>(integer_digits) - static_cast<int64_t>(i) - (i < integer_digits ? 1 : 0);
    if (!found) highest = power;
    lowest = power;
    found = true;
  }
  if (!found) return 1;  // zero
  return digit_pairs_size(negative, highest, lowest);
}

constexpr std::size_t kContainerOverhead = kContainerSizeOverhead;
constexpr std::size_t kElementOverhead = kElementSizeOverhead;

}  // namespace

const char* type_name(AttributeType type) {
  switch (type) {
    case AttributeType::kS: return "S";
    case AttributeType::kN: return "N";
    case AttributeType::kB: return "B";
    case AttributeType::kSS: return "SS";
    case AttributeType::kNS: return "NS";
    case AttributeType::kBS: return "BS";
    case AttributeType::kM: return "M";
    case AttributeType::kL: return "L";
    case AttributeType::kNull: return "NULL";
    case AttributeType::kBool: return "BOOL";
  }
  return "?";
}

bool is_set_type(AttributeType type) {
  return type == AttributeType::kSS || type == AttributeType::kNS || type == AttributeType::kBS;
}

AttributeValue AttributeValue::string(std::string s) {
  AttributeValue value;
  value.type = AttributeType::kS;
  value.scalar = std::move(s);
  return value;
}

AttributeValue AttributeValue::number(std::string canonical) {
  AttributeValue value;
  value.type = AttributeType::kN;
  value.scalar = std::move(canonical);
  return value;
}

AttributeValue AttributeValue::binary(std::string bytes) {
  AttributeValue value;
  value.type = AttributeType::kB;
  value.scalar = std::move(bytes);
  return value;
}

AttributeValue AttributeValue::boolean_value(bool b) {
  AttributeValue value;
  value.type = AttributeType::kBool;
  value.boolean = b;
  return value;
}

AttributeValue AttributeValue::null() {
  AttributeValue value;
  value.type = AttributeType::kNull;
  value.boolean = true;
  return value;
}

bool AttributeValue::operator==(const AttributeValue& other) const {
  if (type != other.type) return false;
  switch (type) {
    case AttributeType::kS:
    case AttributeType::kB: return scalar == other.scalar;
    case AttributeType::kN: return same_number(scalar, other.scalar);
    case AttributeType::kSS:
    case AttributeType::kBS: return same_members(set, other.set);
    case AttributeType::kNS: return same_members(canonical_numbers(set), canonical_numbers(other.set));
    case AttributeType::kL: return list == other.list;
    case AttributeType::kM: return map == other.map;
    case AttributeType::kNull: return true;
    case AttributeType::kBool: return boolean == other.boolean;
  }
  return false;
}

std::size_t number_size(std::string_view number_text) {
  if (auto size = plain_decimal_size(number_text)) return *size;
  auto number = Number::parse(number_text);
  if (!number || number->is_zero()) return 1;
  // Digit i (from 0) of 0.<digits> x 10^e stands for 10^(e-1-i); pair k holds 10^(2k), 10^(2k+1).
  int64_t highest_power = int64_t{number->exponent()} - 1;
  int64_t lowest_power = int64_t{number->exponent()} - static_cast<int64_t>(number->digits().size());
  return digit_pairs_size(number->negative(), highest_power, lowest_power);
}

std::size_t attribute_value_size(const AttributeValue& value) {
  switch (value.type) {
    case AttributeType::kS:
    case AttributeType::kB: return value.scalar.size();
    case AttributeType::kN: return number_size(value.scalar);
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS: return set_size(value);
    case AttributeType::kNull:
    case AttributeType::kBool: return 1;
    case AttributeType::kL: {
      std::size_t size = kContainerOverhead;
      for (const auto& element : value.list) size += kElementOverhead + attribute_value_size(element);
      return size;
    }
    case AttributeType::kM: {
      std::size_t size = kContainerOverhead;
      for (const auto& [name, element] : value.map) {
        size += kElementOverhead + name.size() + attribute_value_size(element);
      }
      return size;
    }
  }
  return 0;
}

std::size_t item_size(const Item& item) {
  std::size_t size = 0;
  for (const auto& [name, value] : item) size += name.size() + attribute_value_size(value);
  return size;
}

}  // namespace eddy
