// SigV4's canonical request and signature; see sigv4.h.
#include "auth/sigv4.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth/uri_encoding.h"

namespace eddy::auth {
namespace {

using Digest = std::array<unsigned char, 32>;

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0xf]);
  }
  return out;
}

Digest hmac(std::string_view key, std::string_view data) {
  Digest out{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out.data(), &length);
  return out;
}

std::string_view view(const Digest& digest) {
  return std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size());
}

std::vector<std::string> split_names(std::string_view signed_headers) {
  std::vector<std::string> names;
  while (!signed_headers.empty()) {
    std::size_t semicolon = signed_headers.find(';');
    std::string name(signed_headers.substr(0, semicolon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!name.empty()) names.push_back(std::move(name));
    signed_headers = semicolon == std::string_view::npos ? std::string_view() : signed_headers.substr(semicolon + 1);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string canonical_query(const SignedRequest& request, bool query_form) {
  std::vector<std::pair<std::string, std::string>> encoded;
  for (const auto& [name, value] : query_parameters(request.query())) {
    if (query_form && name == "X-Amz-Signature") continue;
    encoded.emplace_back(uri_encode(name, false), uri_encode(value, false));
  }
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [name, value] : encoded) {
    if (!out.empty()) out.push_back('&');
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  Digest digest{};
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return hex(digest.data(), digest.size());
}

std::string canonical_request(const SignedRequest& request, std::string_view signed_headers, bool query_form) {
  std::string path = uri_encode(request.path(), true);
  if (path.empty()) path = "/";
  std::vector<std::string> names = split_names(signed_headers);
  std::string out;
  out += std::string(request.method) + "\n" + path + "\n" + canonical_query(request, query_form) + "\n";
  std::string names_line;
  for (const auto& name : names) {
    out += name + ":" + request.header(name) + "\n";
    if (!names_line.empty()) names_line.push_back(';');
    names_line += name;
  }
  out += "\n" + names_line + "\n" + sha256_hex(request.body);
  return out;
}

std::string string_to_sign(std::string_view amz_date, const CredentialScope& scope, std::string_view canonical) {
  return "AWS4-HMAC-SHA256\n" + std::string(amz_date) + "\n" + scope.text() + "\n" + sha256_hex(canonical);
}

std::string signature(std::string_view secret, const CredentialScope& scope, std::string_view string_to_sign) {
  Digest date_key = hmac("AWS4" + std::string(secret), scope.date);
  Digest region_key = hmac(view(date_key), scope.region);
  Digest service_key = hmac(view(region_key), scope.service);
  Digest signing_key = hmac(view(service_key), scope.terminator);
  Digest signed_bytes = hmac(view(signing_key), string_to_sign);
  return hex(signed_bytes.data(), signed_bytes.size());
}

}  // namespace eddy::auth
