// What every fuzz target shares: FUZZ_CHECK, a property check that aborts with its text (a failed
// property is then a crash to libFuzzer and to the replaying test alike, with the input saved), and
// the input as text and as lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#define FUZZ_CHECK(condition)                                                                     \
  do {                                                                                            \
    if (!(condition)) {                                                                           \
      std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                               \
    }                                                                                             \
  } while (0)

namespace eddy::fuzz {

inline std::string_view text_of(const uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The lines of `text` ('\n' separated, without it), at most `limit` of them: the rest is dropped so
// that a huge input cannot make one run take seconds.
inline std::vector<std::string_view> lines_of(std::string_view text, std::size_t limit) {
  std::vector<std::string_view> lines;
  while (!text.empty() && lines.size() < limit) {
    std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return lines;
}

}  // namespace eddy::fuzz
