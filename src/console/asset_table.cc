// Finding an embedded file by its path; see asset_table.h.
#include "console/asset_table.h"

#include <algorithm>

namespace eddy::console {

const Asset* find_asset(std::string_view path) {
  if (path == "/console" || path == "/console/") path = "/console/index.html";
  const std::vector<Asset>& assets = embedded_assets();
  auto found = std::lower_bound(assets.begin(), assets.end(), path,
                                [](const Asset& asset, std::string_view wanted) { return asset.path < wanted; });
  return found != assets.end() && found->path == path ? &*found : nullptr;
}

}  // namespace eddy::console
