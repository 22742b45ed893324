// The embedded files: every file of src/console/assets/ is in the table with its type and ETag, and
// only the embedded paths are found.
#include "console/asset_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace eddy::console {
namespace {

TEST(AssetTable, HoldsThePageItsStyleAndItsModulesWithTheirTypes) {
  const Asset* page = find_asset("/console/index.html");
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_NE(page->bytes.find("<script type=\"module\" src=\"/console/js/main.js\"></script>"), std::string::npos);
  const Asset* style = find_asset("/console/console.css");
  ASSERT_NE(style, nullptr);
  EXPECT_EQ(style->content_type, "text/css; charset=utf-8");
  const Asset* main = find_asset("/console/js/main.js");
  ASSERT_NE(main, nullptr);
  EXPECT_EQ(main->content_type, "text/javascript; charset=utf-8");
}

TEST(AssetTable, TheFolderIsThePage) {
  EXPECT_EQ(find_asset("/console"), find_asset("/console/index.html"));
  EXPECT_EQ(find_asset("/console/"), find_asset("/console/index.html"));
}

TEST(AssetTable, FindsNoOtherPath) {
  EXPECT_EQ(find_asset("/console/nothing.js"), nullptr);
  EXPECT_EQ(find_asset("/console/js/../index.html"), nullptr);
  EXPECT_EQ(find_asset("/console/js"), nullptr);
  EXPECT_EQ(find_asset("/index.html"), nullptr);
  EXPECT_EQ(find_asset("/consoleindex.html"), nullptr);
  EXPECT_EQ(find_asset(""), nullptr);
}

TEST(AssetTable, IsSortedWithDistinctQuotedETags) {
  const std::vector<Asset>& assets = embedded_assets();
  ASSERT_GE(assets.size(), 3u);
  EXPECT_TRUE(
      std::is_sorted(assets.begin(), assets.end(), [](const Asset& a, const Asset& b) { return a.path < b.path; }));
  std::set<std::string_view> etags;
  for (const Asset& asset : assets) {
    EXPECT_EQ(asset.etag.size(), 18u) << asset.path;
    EXPECT_EQ(asset.etag.front(), '"') << asset.path;
    EXPECT_EQ(asset.etag.back(), '"') << asset.path;
    EXPECT_FALSE(asset.bytes.empty()) << asset.path;
    EXPECT_EQ(find_asset(asset.path), &asset);
    etags.insert(asset.etag);
  }
  EXPECT_EQ(etags.size(), assets.size());
}

}  // namespace
}  // namespace eddy::console
