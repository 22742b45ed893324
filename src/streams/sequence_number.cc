// SequenceNumber formatting; see sequence_number.h.
#include "streams/sequence_number.h"

#include <cstdio>

namespace eddy::streams {

std::string format_sequence_number(uint64_t sequence) {
  char text[32];
  std::snprintf(text, sizeof text, "1%020llu", static_cast<unsigned long long>(sequence));
  return text;
}

std::optional<uint64_t> parse_sequence_number(std::string_view text) {
  if (text.size() != 21 || text.front() != '1') return std::nullopt;
  uint64_t value = 0;
  for (char c : text.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace eddy::streams
