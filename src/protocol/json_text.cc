// Quoted JSON strings; see json_text.h.
#include "protocol/json_text.h"

#include <cstdint>
#include <cstring>

namespace eddy {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Whether any of 8 bytes is a control character, '"' or '\\' (bit tricks on one 64-bit word, so
// that long runs of plain text are skipped 8 bytes at a time). Exact: no false negatives, and a
// false positive would only send those bytes through the byte-by-byte path.
bool any_needs_escape(uint64_t word) {
  uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  uint64_t quote = word ^ (kOnes * '"');
  uint64_t backslash = word ^ (kOnes * '\\');
  uint64_t quote_zero = (quote - kOnes) & ~quote & kHighBits;
  uint64_t backslash_zero = (backslash - kOnes) & ~backslash & kHighBits;
  return (below_space | quote_zero | backslash_zero) != 0;
}

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_escape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    default: {
      char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escaped, sizeof escaped);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  const char* p = text.data();
  const char* end = p + text.size();
  const char* run = p;  // start of the not yet appended plain bytes
  while (p < end) {
    while (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if (any_needs_escape(word)) break;
      p += 8;
    }
    if (p == end) break;
    auto c = static_cast<unsigned char>(*p);
    if (!needs_escape(c)) {
      ++p;
      continue;
    }
    out.append(run, p);
    append_escape(out, c);
    run = ++p;
  }
  out.append(run, end);
  out.push_back('"');
}

}  // namespace eddy
