// Accept-Encoding negotiation; see accept_encoding.h.
#include "http/accept_encoding.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>

namespace eddy::http {
namespace {

std::string_view trim(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

bool equals_lower(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// A whole decimal number ("0.5", "1", "0."), clamped to [0, 1]; 1 when it is not a number.
double quality_of(std::string_view text) {
  std::string value(trim(text));
  char* end = nullptr;
  double q = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size()) return 1;
  return std::clamp(q, 0.0, 1.0);
}

struct Element {
  std::string_view coding;
  double quality = 1;
};

// One comma-separated element: a token and parameters; the first q parameter is its quality.
std::optional<Element> read_element(std::string_view text) {
  std::size_t semicolon = text.find(';');
  Element element{trim(text.substr(0, semicolon))};
  if (element.coding.empty() || element.coding.find_first_of(" \t\"=:") != std::string_view::npos) {
    return std::nullopt;
  }
  while (semicolon != std::string_view::npos) {
    text = text.substr(semicolon + 1);
    semicolon = text.find(';');
    std::string_view parameter = text.substr(0, semicolon);
    std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos || !equals_lower(trim(parameter.substr(0, equals)), "q")) continue;
    element.quality = quality_of(parameter.substr(equals + 1));
    break;
  }
  return element;
}

struct Offer {
  double quality = -1;  // -1: not named
  std::size_t position = 0;
};

}  // namespace

ContentCoding preferred_coding(std::string_view accept_encoding) {
  Offer gzip, deflate;
  double star = -1;
  std::size_t position = 0;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    auto element = read_element(accept_encoding.substr(0, comma));
    accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    if (!element) continue;
    ++position;
    Offer* offer = equals_lower(element->coding, "gzip")      ? &gzip
                   : equals_lower(element->coding, "deflate") ? &deflate
                                                              : nullptr;
    if (offer != nullptr && element->quality > offer->quality) *offer = Offer{element->quality, position};
    if (element->coding == "*") star = std::max(star, element->quality);
  }
  // A coding not named takes the quality of "*", after every named one (gzip before deflate).
  if (gzip.quality < 0 && star >= 0) gzip = Offer{star, position + 1};
  if (deflate.quality < 0 && star >= 0) deflate = Offer{star, position + 2};
  bool gzip_wins =
      gzip.quality > deflate.quality || (gzip.quality == deflate.quality && gzip.position < deflate.position);
  const Offer& best = gzip_wins ? gzip : deflate;
  if (best.quality <= 0) return ContentCoding::kIdentity;
  return gzip_wins ? ContentCoding::kGzip : ContentCoding::kDeflate;
}

}  // namespace eddy::http
