// Base64 on Boost.Beast's codec, with the strictness DynamoDB applies (length a multiple of 4,
// only alphabet characters, at most two '=' of padding at the end).
#include "protocol/base64.h"

#include <boost/beast/core/detail/base64.hpp>

namespace eddy {

namespace b64 = boost::beast::detail::base64;

std::string base64_encode(std::string_view bytes) {
  std::string out(b64::encoded_size(bytes.size()), '\0');
  out.resize(b64::encode(out.data(), bytes.data(), bytes.size()));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string_view body = text;
  int padding = 0;
  while (!body.empty() && body.back() == '=' && padding < 2) {
    body.remove_suffix(1);
    ++padding;
  }
  std::string out(b64::decoded_size(text.size()), '\0');
  auto [written, read] = b64::decode(out.data(), body.data(), body.size());
  if (read != body.size()) return std::nullopt;
  out.resize(written);
  return out;
}

}  // namespace eddy
