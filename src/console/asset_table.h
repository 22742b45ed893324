// The console's static files (src/console/assets/), built into the binary: embed_assets.cmake
// turns each file into a byte array of a generated source, and this table finds them by path.
#pragma once

#include <string_view>
#include <vector>

namespace eddy::console {

struct Asset {
  std::string_view path;          // "/console/index.html"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view etag;          // a strong ETag, quoted: "\"3f2a9c0d1e2b4a5c\""
  std::string_view bytes;
};

// Every embedded file, sorted by path (defined in the generated source).
const std::vector<Asset>& embedded_assets();

// The asset served at `path` (without a query): "/console" and "/console/" are index.html;
// nullptr for any other path, ".." included (only the embedded paths exist).
const Asset* find_asset(std::string_view path);

}  // namespace eddy::console
