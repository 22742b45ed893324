// HTTP content codings (RFC 9110 section 8.4.1) with zlib: undoing a request's Content-Encoding
// (gzip, concatenated gzip members included, or deflate) under a limit on the inflated size, and
// compressing an answer with the coding its Accept-Encoding prefers (accept_encoding.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eddy::http {

enum class ContentCoding { kIdentity, kGzip, kDeflate };

// "gzip", "deflate" or "identity" (any case); nullopt for any other coding.
std::optional<ContentCoding> coding_named(std::string_view name);
const char* coding_name(ContentCoding coding);

enum class DecodeOutcome { kDecoded, kBroken, kTooLarge, kUnknownCoding };

struct Decoded {
  DecodeOutcome outcome = DecodeOutcome::kDecoded;
  std::string body;
};

// Undoes `content_encoding` (a list such as "gzip" or "deflate, gzip", applied in the order listed,
// so undone from the last) on `body`. kTooLarge as soon as the inflated size passes `limit`;
// kBroken for a body that is not what its coding says, an empty one included.
Decoded decode_content(std::string_view body, std::string_view content_encoding, std::size_t limit);

// `body` compressed with `coding` (kGzip: a gzip member; kDeflate: the zlib format, as RFC 9110
// defines "deflate"). kIdentity returns it unchanged.
std::string encode_content(std::string_view body, ContentCoding coding);

}  // namespace eddy::http
