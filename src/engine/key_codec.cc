// Order-preserving key encoding; the grammar is in key_codec.h.
#include "engine/key_codec.h"

#include <zlib.h>

namespace eddy::engine {
namespace {

void append_escaped(std::string& out, std::string_view bytes) {
  for (char c : bytes) {
    out.push_back(c);
    if (c == '\0') out.push_back('\xff');
  }
  out.push_back('\0');
  out.push_back('\x01');
}

bool read_escaped(std::string_view& in, std::string& bytes) {
  bytes.clear();
  for (std::size_t i = 0; i + 1 < in.size(); ++i) {
    if (in[i] != '\0') {
      bytes.push_back(in[i]);
      continue;
    }
    if (in[i + 1] == '\x01') {
      in.remove_prefix(i + 2);
      return true;
    }
    if (in[i + 1] != '\xff') return false;
    bytes.push_back('\0');
    ++i;
  }
  return false;
}

// Canonical number text -> sign, digits, exponent (value = 0.digits x 10^exponent).
void split_number(const std::string& text, bool& negative, std::string& digits, int& exponent) {
  std::string_view rest = text;
  negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  std::size_t point = rest.find('.');
  std::string integer(rest.substr(0, point));
  std::string fraction(point == std::string_view::npos ? std::string_view() : rest.substr(point + 1));
  std::string all = integer + fraction;
  std::size_t first = all.find_first_not_of('0');
  if (first == std::string::npos) {
    digits.clear();
    exponent = 0;
    return;
  }
  exponent = static_cast<int>(integer.size()) - static_cast<int>(first);
  std::size_t last = all.find_last_not_of('0');
  digits = all.substr(first, last - first + 1);
}

std::string join_number(bool negative, const std::string& digits, int exponent) {
  if (digits.empty()) return "0";
  std::string out = negative ? "-" : "";
  if (exponent <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-exponent), '0') + digits;
  } else if (static_cast<std::size_t>(exponent) >= digits.size()) {
    out += digits + std::string(static_cast<std::size_t>(exponent) - digits.size(), '0');
  } else {
    out +=
        digits.substr(0, static_cast<std::size_t>(exponent)) + "." + digits.substr(static_cast<std::size_t>(exponent));
  }
  return out;
}

void append_number(std::string& out, const std::string& canonical) {
  bool negative = false;
  std::string digits;
  int exponent = 0;
  split_number(canonical, negative, digits, exponent);
  if (digits.empty()) {
    out.push_back('\x02');
    return;
  }
  std::string body;
  uint16_t biased = static_cast<uint16_t>(exponent + 0x8000);
  body.push_back(static_cast<char>(biased >> 8));
  body.push_back(static_cast<char>(biased & 0xff));
  body += digits;
  body.push_back('\0');
  if (negative) {
    out.push_back('\x01');
    for (char c : body) out.push_back(static_cast<char>(~static_cast<unsigned char>(c)));
  } else {
    out.push_back('\x03');
    out += body;
  }
}

bool read_number(std::string_view& in, std::string& canonical) {
  if (in.empty()) return false;
  char sign = in.front();
  in.remove_prefix(1);
  if (sign == '\x02') {
    canonical = "0";
    return true;
  }
  if (sign != '\x01' && sign != '\x03') return false;
  bool negative = sign == '\x01';
  auto byte = [&](std::size_t i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    return negative ? static_cast<unsigned char>(~c) : c;
  };
  if (in.size() < 3) return false;
  int exponent = ((byte(0) << 8) | byte(1)) - 0x8000;
  std::string digits;
  std::size_t i = 2;
  for (; i < in.size() && byte(i) != 0; ++i) digits.push_back(static_cast<char>(byte(i)));
  if (i == in.size()) return false;
  in.remove_prefix(i + 1);
  canonical = join_number(negative, digits, exponent);
  return true;
}

}  // namespace

void append_key_value(std::string& out, const AttributeValue& value) {
  if (value.type == AttributeType::kN) {
    append_number(out, value.scalar);
  } else {
    append_escaped(out, value.scalar);
  }
}

bool read_key_value(std::string_view& in, AttributeType type, AttributeValue& value) {
  value = AttributeValue{};
  value.type = type;
  if (type == AttributeType::kN) return read_number(in, value.scalar);
  return read_escaped(in, value.scalar);
}

void append_u64(std::string& out, uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

void append_u32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

uint64_t read_u64(std::string_view bytes) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

uint32_t read_u32(std::string_view bytes) {
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

uint32_t partition_hash(std::string_view encoded_partition_key) {
  return static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(encoded_partition_key.data()),
                                     static_cast<uInt>(encoded_partition_key.size())));
}

std::string encode_partition(const KeySchema& schema, const Item& item) {
  std::string out;
  for (const auto& element : schema.partition_key) append_key_value(out, item.at(element.name));
  return out;
}

std::string encode_sort(const KeySchema& schema, const Item& item) {
  std::string out;
  for (const auto& element : schema.sort_key) append_key_value(out, item.at(element.name));
  return out;
}

std::string entries_prefix(char space, uint64_t id) {
  std::string out(1, space);
  append_u64(out, id);
  return out;
}

std::string partition_prefix(char space, uint64_t id, const std::string& encoded_partition) {
  std::string out = entries_prefix(space, id);
  append_u32(out, partition_hash(encoded_partition));
  out += encoded_partition;
  return out;
}

std::string item_key(uint64_t table_id, const KeySchema& schema, const Item& item) {
  return partition_prefix(kItemPrefix, table_id, encode_partition(schema, item)) + encode_sort(schema, item);
}

}  // namespace eddy::engine
