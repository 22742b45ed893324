// Random identifiers; see random_ids.h.
#include "model/random_ids.h"

#include <random>

namespace eddy {

std::uint64_t random_u64() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return random();
}

std::string random_uuid() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uuid = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
  for (auto& c : uuid) {
    if (c == 'x') c = kHex[random_u64() % 16];
    if (c == 'y') c = kHex[8 + random_u64() % 4];  // the variant: 10xx
  }
  return uuid;
}

std::string random_text(std::string_view alphabet, std::size_t length) {
  std::string text(length, ' ');
  for (auto& c : text) c = alphabet[random_u64() % alphabet.size()];
  return text;
}

}  // namespace eddy
