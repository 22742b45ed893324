// AttributeValue: one DynamoDB value of any of the ten types, and Item, a map of them.
// Numbers are held as canonical text (see Number) so that equality is textual.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eddy {

// Do not renumber: the values are part of the on-disk item encoding (engine/item_codec).
enum class AttributeType : uint8_t {
  kS = 0,
  kN = 1,
  kB = 2,
  kSS = 3,
  kNS = 4,
  kBS = 5,
  kM = 6,
  kL = 7,
  kNull = 8,
  kBool = 9,
};

// The wire name: "S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL".
const char* type_name(AttributeType type);
bool is_set_type(AttributeType type);

struct AttributeValue;
using AttributeMap = std::map<std::string, AttributeValue>;
using AttributeList = std::vector<AttributeValue>;
using Item = AttributeMap;

struct AttributeValue {
  AttributeType type = AttributeType::kNull;
  // S: UTF-8 text. N: canonical number text (Number::to_string). B: raw bytes (not base64).
  std::string scalar;
  // BOOL value; for NULL always true.
  bool boolean = true;
  // SS/NS/BS members (N canonical, B raw), in the order they were given; never empty.
  std::vector<std::string> set;
  AttributeList list;  // L
  AttributeMap map;    // M

  static AttributeValue string(std::string s);
  static AttributeValue number(std::string canonical);
  static AttributeValue binary(std::string bytes);
  static AttributeValue boolean_value(bool b);
  static AttributeValue null();

  // Deep equality as DynamoDB defines it (sets compare as sets, numbers by value).
  bool operator==(const AttributeValue& other) const;
  bool operator!=(const AttributeValue& other) const { return !(*this == other); }
};

// Item size as DynamoDB counts it (attribute names + values, see
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
std::size_t attribute_value_size(const AttributeValue& value);
std::size_t item_size(const Item& item);

// Size of a number as DynamoDB counts it: about one byte per two significant digits, plus one.
std::size_t number_size(std::string_view number_text);

// The documented overhead of a List or Map, and of each of its elements.
inline constexpr std::size_t kContainerSizeOverhead = 3;
inline constexpr std::size_t kElementSizeOverhead = 1;

}  // namespace eddy
