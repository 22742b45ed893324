// The console's routing (console/console.h): which requests it answers, with what, and its refusal
// where the admin API is refused.
#include "console/console.h"

#include <gtest/gtest.h>

#include "console/asset_table.h"

namespace eddy::console {
namespace {

namespace bhttp = boost::beast::http;

http::Request get(const std::string& target, const std::string& accept = "") {
  http::Request request{bhttp::verb::get, target, 11};
  if (!accept.empty()) request.set(bhttp::field::accept, accept);
  return request;
}

constexpr const char* kChromeAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

TEST(Console, ServesThePageToABrowser) {
  Console console(true, "127.0.0.1");
  for (const char* path : {"/console", "/console/", "/console/index.html", "/console?table=Orders"}) {
    auto answer = console.answer(get(path, kChromeAccept));
    ASSERT_TRUE(answer.has_value()) << path;
    EXPECT_EQ(answer->result(), bhttp::status::ok);
    EXPECT_EQ(answer->at(bhttp::field::content_type), "text/html; charset=utf-8");
    EXPECT_EQ(answer->at(bhttp::field::cache_control), "no-cache");
    EXPECT_EQ(answer->at(bhttp::field::etag), find_asset("/console/index.html")->etag);
    EXPECT_EQ(answer->body(), find_asset("/console/index.html")->bytes);
    EXPECT_NE(std::string(answer->at("Content-Security-Policy")).find("connect-src 'self'"), std::string::npos);
  }
}

TEST(Console, LeavesThePageWithoutTextHtmlToTheEndpoint) {
  Console console(true, "127.0.0.1");
  EXPECT_FALSE(console.answer(get("/console")).has_value());
  EXPECT_FALSE(console.answer(get("/console", "application/json")).has_value());
  EXPECT_FALSE(console.answer(get("/console", "*/*")).has_value());
  EXPECT_FALSE(console.answer(get("/console", "text/html;q=0")).has_value());
}

TEST(Console, ServesAssetsWhateverTheAccept) {
  Console console(true, "127.0.0.1");
  auto script = console.answer(get("/console/js/main.js"));
  ASSERT_TRUE(script.has_value());
  EXPECT_EQ(script->result(), bhttp::status::ok);
  EXPECT_EQ(script->at(bhttp::field::content_type), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->body(), find_asset("/console/js/main.js")->bytes);
  auto style = console.answer(get("/console/console.css", "text/css,*/*;q=0.1"));
  ASSERT_TRUE(style.has_value());
  EXPECT_EQ(style->at(bhttp::field::content_type), "text/css; charset=utf-8");
}

TEST(Console, LeavesOtherPathsAndMethodsToTheEndpoint) {
  Console console(true, "127.0.0.1");
  for (const char* path : {"/", "/consoles", "/console/none.js", "/console/js/../console.css", "/eddy/v1/clock"}) {
    EXPECT_FALSE(console.answer(get(path, kChromeAccept)).has_value()) << path;
  }
  http::Request post{bhttp::verb::post, "/console", 11};
  post.set(bhttp::field::accept, "text/html");
  EXPECT_FALSE(console.answer(post).has_value());
  http::Request head{bhttp::verb::head, "/console/js/main.js", 11};
  EXPECT_FALSE(console.answer(head).has_value());
}

TEST(Console, AnswersNotModifiedToItsETag) {
  Console console(true, "127.0.0.1");
  http::Request request = get("/console/console.css");
  request.set(bhttp::field::if_none_match, find_asset("/console/console.css")->etag);
  auto answer = console.answer(request);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->result(), bhttp::status::not_modified);
  EXPECT_TRUE(answer->body().empty());
  request.set(bhttp::field::if_none_match, "\"0000000000000000\"");
  EXPECT_EQ(console.answer(request)->result(), bhttp::status::ok);
}

TEST(Console, RefusesWhereTheAdminApiIsRefused) {
  Console console(false, "0.0.0.0");
  for (const char* path : {"/console", "/console/js/main.js"}) {
    auto answer = console.answer(get(path, "text/html"));
    ASSERT_TRUE(answer.has_value()) << path;
    EXPECT_EQ(answer->result(), bhttp::status::forbidden);
    EXPECT_EQ(answer->at(bhttp::field::content_type), "text/plain; charset=utf-8");
    EXPECT_EQ(answer->body(),
              "The eddy console is refused: eddy listens on 0.0.0.0, which is not a loopback address. "
              "Start eddy with --admin to allow it.\n");
  }
  // What is not the console's is still the endpoint's, refused or not.
  EXPECT_FALSE(console.answer(get("/console")).has_value());
}

TEST(Console, ReadsAcceptAsBrowsersWriteIt) {
  EXPECT_TRUE(Console::accepts_html("text/html"));
  EXPECT_TRUE(Console::accepts_html(kChromeAccept));
  EXPECT_TRUE(Console::accepts_html("application/json, TEXT/HTML ; q=0.5"));
  EXPECT_TRUE(Console::accepts_html("text/*"));
  EXPECT_FALSE(Console::accepts_html(""));
  EXPECT_FALSE(Console::accepts_html("*/*"));
  EXPECT_FALSE(Console::accepts_html("text/htmlx, text/plain"));
  EXPECT_FALSE(Console::accepts_html("text/html;q=0.0"));
  EXPECT_TRUE(Console::accepts_html("text/html;level=1;q=0.1"));
}

}  // namespace
}  // namespace eddy::console
