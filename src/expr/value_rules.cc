// Value ordering and naming for expressions (see value_rules.h).
#include "expr/value_rules.h"

#include <array>
#include <cstring>

#include "model/number.h"

namespace eddy::expr {

bool is_ordered_type(AttributeType type) {
  return type == AttributeType::kN || type == AttributeType::kS || type == AttributeType::kB;
}

int compare_ordered(const AttributeValue& a, const AttributeValue& b) {
  if (a.type == AttributeType::kN) {
    if (a.scalar == b.scalar) return 0;
    auto left = Number::parse(a.scalar);
    auto right = Number::parse(b.scalar);
    if (!left || !right) return a.scalar < b.scalar ? -1 : 1;  // stored numbers always parse
    return left->compare(*right);
  }
  // std::string compares chars as unsigned through char_traits<char>::compare (memcmp).
  int order = a.scalar.compare(b.scalar);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

const char* update_operand_type_name(AttributeType type) {
  switch (type) {
    case AttributeType::kS: return "STRING";
    case AttributeType::kN: return "NUMBER";
    case AttributeType::kB: return "BINARY";
    case AttributeType::kSS: return "STRING_SET";
    case AttributeType::kNS: return "NUMBER_SET";
    case AttributeType::kBS: return "BINARY_SET";
    case AttributeType::kM: return "MAP";
    case AttributeType::kL: return "LIST";
    case AttributeType::kNull: return "NULL";
    case AttributeType::kBool: return "BOOLEAN";
  }
  return "NULL";
}

std::string describe_bound(const AttributeValue& value) {
  std::string shown;
  if (value.type == AttributeType::kB) {
    // DynamoDB prints the Java buffer object rather than the bytes.
    std::string n = std::to_string(value.scalar.size());
    shown = "java.nio.HeapByteBuffer[pos=0 lim=" + n + " cap=" + n + "]";
  } else {
    shown = value.scalar;
  }
  return std::string("AttributeValue: {") + type_name(value.type) + ":" + shown + "}";
}

std::optional<AttributeType> type_from_name(const std::string& name) {
  static constexpr std::array<AttributeType, 10> kTypes = {
      AttributeType::kS,  AttributeType::kN, AttributeType::kB, AttributeType::kSS,   AttributeType::kNS,
      AttributeType::kBS, AttributeType::kM, AttributeType::kL, AttributeType::kNull, AttributeType::kBool};
  for (AttributeType type : kTypes) {
    if (name == type_name(type)) return type;
  }
  return std::nullopt;
}

}  // namespace eddy::expr
