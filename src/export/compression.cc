// gzip through zlib, zstd through libzstd; see compression.h.
#include "export/compression.h"
#include "model/result.h"

#include <zlib.h>
#include <zstd.h>

namespace eddy::exports {
namespace {

constexpr int kGzipWindowBits = 15 + 16;  // zlib's way of asking for a gzip header and trailer

Result<std::string> gunzip(std::string_view data) {
  std::string out;
  std::size_t at = 0;
  char buffer[64 * 1024];
  while (at < data.size()) {
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK) return validation_error("gzip: cannot start inflating");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + at));
    stream.avail_in = static_cast<uInt>(data.size() - at);
    int status = Z_OK;
    while (status == Z_OK) {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      status = inflate(&stream, Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - stream.avail_out);
    }
    std::size_t used = data.size() - at - stream.avail_in;
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return validation_error("The data is not valid GZIP");
    at += used;
  }
  return out;
}

Result<std::string> unzstd(std::string_view data) {
  std::string out;
  ZSTD_DStream* stream = ZSTD_createDStream();
  ZSTD_initDStream(stream);
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  char buffer[64 * 1024];
  std::size_t status = 0;
  while (in.pos < in.size) {
    ZSTD_outBuffer chunk{buffer, sizeof buffer, 0};
    status = ZSTD_decompressStream(stream, &chunk, &in);
    if (ZSTD_isError(status)) break;
    out.append(buffer, chunk.pos);
  }
  // Flush what a frame still holds once its input is all taken.
  while (!ZSTD_isError(status) && status != 0) {
    ZSTD_outBuffer chunk{buffer, sizeof buffer, 0};
    status = ZSTD_decompressStream(stream, &chunk, &in);
    if (ZSTD_isError(status) || chunk.pos == 0) break;
    out.append(buffer, chunk.pos);
  }
  ZSTD_freeDStream(stream);
  if (ZSTD_isError(status) || status != 0) return validation_error("The data is not valid ZSTD");
  return out;
}

}  // namespace

std::string gzip(std::string_view data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  std::size_t size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  out.resize(ZSTD_isError(size) ? 0 : size);
  return out;
}

Result<std::string> decompress(std::string_view data, Compression compression) {
  switch (compression) {
    case Compression::kNone: return std::string(data);
    case Compression::kGzip: return gunzip(data);
    case Compression::kZstd: return unzstd(data);
  }
  return std::string(data);
}

}  // namespace eddy::exports
