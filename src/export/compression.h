// The compressions of S3 data files: gzip (zlib) for what eddy writes, as DynamoDB's exports are,
// and gzip, zstd or none for what ImportTable reads (InputCompressionType).
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"

namespace eddy::exports {

// Do not renumber: persisted in import records.
enum class Compression { kNone = 0, kGzip = 1, kZstd = 2 };

// A gzip member (RFC 1952) holding `data`.
std::string gzip(std::string_view data);
// `data` compressed as one zstd frame.
std::string zstd(std::string_view data);
// The uncompressed bytes of `data`: every gzip member or zstd frame in turn, as `gzip -d` and
// `zstd -d` read concatenated ones. A ValidationException naming the compression when the bytes
// are not of it.
Result<std::string> decompress(std::string_view data, Compression compression);

}  // namespace eddy::exports
