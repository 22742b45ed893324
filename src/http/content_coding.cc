// gzip and deflate with zlib; see content_coding.h.
#include "http/content_coding.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <zlib.h>

namespace eddy::http {
namespace {

constexpr int kGzipWindow = 16 + MAX_WBITS;  // zlib's "gzip wrapper" window bits
constexpr int kRawDeflateWindow = -MAX_WBITS;

std::string lower_trimmed(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  text = text.substr(start, text.find_last_not_of(" \t") - start + 1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Inflates one zlib stream format (`window`) over all of `in`; gzip members may follow each other.
DecodeOutcome inflate_all(std::string_view in, int window, std::size_t limit, std::string& out) {
  if (in.empty()) return DecodeOutcome::kBroken;
  z_stream stream{};
  if (inflateInit2(&stream, window) != Z_OK) return DecodeOutcome::kBroken;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  char chunk[64 * 1024];
  DecodeOutcome outcome = DecodeOutcome::kBroken;
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    int status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
    if (out.size() > limit) {
      outcome = DecodeOutcome::kTooLarge;
      break;
    }
    if (status == Z_STREAM_END) {
      if (stream.avail_in == 0) {
        outcome = DecodeOutcome::kDecoded;
        break;
      }
      // Another gzip member follows (RFC 1952 allows several); other formats end here.
      if (window != kGzipWindow || inflateReset(&stream) != Z_OK) break;
      continue;
    }
    if (status != Z_OK) break;  // corrupt data, or input that ends before the stream does
    if (stream.avail_in == 0 && stream.avail_out != 0) break;
  }
  inflateEnd(&stream);
  return outcome;
}

DecodeOutcome decode_one(ContentCoding coding, std::string_view in, std::size_t limit, std::string& out) {
  switch (coding) {
    case ContentCoding::kIdentity: out.assign(in); return DecodeOutcome::kDecoded;
    case ContentCoding::kGzip: return inflate_all(in, kGzipWindow, limit, out);
    case ContentCoding::kDeflate: {
      // RFC 9110's "deflate" is the zlib format; some clients send raw deflate data instead.
      DecodeOutcome outcome = inflate_all(in, MAX_WBITS, limit, out);
      if (outcome != DecodeOutcome::kBroken) return outcome;
      out.clear();
      return inflate_all(in, kRawDeflateWindow, limit, out);
    }
  }
  return DecodeOutcome::kBroken;
}

}  // namespace

std::optional<ContentCoding> coding_named(std::string_view name) {
  std::string lower = lower_trimmed(name);
  if (lower == "gzip") return ContentCoding::kGzip;
  if (lower == "deflate") return ContentCoding::kDeflate;
  if (lower == "identity") return ContentCoding::kIdentity;
  return std::nullopt;
}

const char* coding_name(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::kGzip: return "gzip";
    case ContentCoding::kDeflate: return "deflate";
    case ContentCoding::kIdentity: break;
  }
  return "identity";
}

Decoded decode_content(std::string_view body, std::string_view content_encoding, std::size_t limit) {
  std::vector<ContentCoding> codings;
  while (!content_encoding.empty()) {
    std::size_t comma = content_encoding.find(',');
    std::string_view name = content_encoding.substr(0, comma);
    content_encoding = comma == std::string_view::npos ? std::string_view() : content_encoding.substr(comma + 1);
    if (lower_trimmed(name).empty()) continue;
    auto coding = coding_named(name);
    if (!coding) return Decoded{DecodeOutcome::kUnknownCoding, {}};
    codings.push_back(*coding);
  }
  Decoded decoded;
  decoded.body.assign(body);
  for (auto coding = codings.rbegin(); coding != codings.rend(); ++coding) {
    std::string out;
    decoded.outcome = decode_one(*coding, decoded.body, limit, out);
    if (decoded.outcome != DecodeOutcome::kDecoded) return Decoded{decoded.outcome, {}};
    decoded.body = std::move(out);
  }
  if (decoded.body.size() > limit) return Decoded{DecodeOutcome::kTooLarge, {}};
  return decoded;
}

std::string encode_content(std::string_view body, ContentCoding coding) {
  if (coding == ContentCoding::kIdentity) return std::string(body);
  z_stream stream{};
  // Level 1: answers travel on loopback or a LAN, where compressing fast matters more than ratio.
  int window = coding == ContentCoding::kGzip ? kGzipWindow : MAX_WBITS;
  if (deflateInit2(&stream, 1, Z_DEFLATED, window, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::string(body);
  std::string out(deflateBound(&stream, static_cast<uLong>(body.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace eddy::http
