// Fuzz target: the order-preserving key encoding (engine/key_codec.h). The input is
//   type:u8 split:u8 bytes
// where type % 3 picks S, N or B, and `bytes` is cut at split % (size + 1) into two values (for N,
// two number texts, used when Number::parse takes them). Properties, for each value and pair:
//   - decode ∘ encode = identity, and the decoder consumes exactly the encoding;
//   - the byte order of the encodings is DynamoDB's order of the values (N numerically, S and B by
//     unsigned bytes), for one value and for (partition, sort) pairs, where a shorter first value
//     must not reorder the second;
//   - read_key_value never reads past malformed bytes (the raw input decoded as each type).
#include <optional>

#include "engine/key_codec.h"
#include "fuzz_check.h"
#include "model/number.h"

namespace {

using namespace eddy;

int sign(int value) { return (value > 0) - (value < 0); }

int compare_bytes(std::string_view a, std::string_view b) { return sign(a.compare(b)); }

int compare_values(const AttributeValue& a, const AttributeValue& b) {
  if (a.type != AttributeType::kN) return compare_bytes(a.scalar, b.scalar);
  auto x = Number::parse(a.scalar);
  auto y = Number::parse(b.scalar);
  FUZZ_CHECK(x && y);
  return sign(x->compare(*y));
}

std::string encoding(const AttributeValue& value) {
  std::string out;
  engine::append_key_value(out, value);
  return out;
}

void check_round_trip(const AttributeValue& value) {
  std::string bytes = encoding(value) + "tail";
  std::string_view in = bytes;
  AttributeValue decoded;
  FUZZ_CHECK(engine::read_key_value(in, value.type, decoded));
  FUZZ_CHECK(in == "tail");
  FUZZ_CHECK(decoded.type == value.type);
  FUZZ_CHECK(decoded.scalar == value.scalar);
}

std::optional<AttributeValue> value_of(AttributeType type, std::string_view bytes) {
  AttributeValue value;
  value.type = type;
  if (type != AttributeType::kN) {
    value.scalar.assign(bytes);
    return value;
  }
  auto number = Number::parse(bytes);
  if (!number) return std::nullopt;
  value.scalar = number->to_string();
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static constexpr AttributeType kTypes[] = {AttributeType::kS, AttributeType::kN, AttributeType::kB};
  AttributeType type = kTypes[data[0] % 3];
  std::string_view bytes = fuzz::text_of(data + 2, size - 2);
  std::size_t split = data[1] % (bytes.size() + 1);
  for (AttributeType any : kTypes) {  // malformed encodings are refused, not overread
    std::string_view in = bytes;
    AttributeValue ignored;
    (void)engine::read_key_value(in, any, ignored);
  }
  auto a = value_of(type, bytes.substr(0, split));
  auto b = value_of(type, bytes.substr(split));
  if (!a || !b) return 0;
  check_round_trip(*a);
  check_round_trip(*b);
  std::string ea = encoding(*a);
  std::string eb = encoding(*b);
  int order = compare_values(*a, *b);
  FUZZ_CHECK(compare_bytes(ea, eb) == order);
  // As (partition, sort) and (sort, partition) pairs: the first value decides unless equal.
  FUZZ_CHECK(compare_bytes(ea + eb, eb + ea) == order);
  FUZZ_CHECK(compare_bytes(ea + ea, ea + eb) == order);
  return 0;
}
