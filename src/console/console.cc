// The console's routing and answers; see console.h.
#include "console/console.h"

#include <cctype>

#include "console/asset_table.h"

namespace eddy::console {
namespace {

namespace bhttp = boost::beast::http;

// The page's sources are its own files and its calls go to its own origin; no inline script.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  }
  return true;
}

// Whether the parameters of one media range (";q=0.5;level=1") give it q=0.
bool refused_by_quality(std::string_view parameters) {
  while (!parameters.empty()) {
    std::size_t semicolon = parameters.find(';');
    std::string_view parameter = trimmed(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
    if (parameter.size() < 2 || std::tolower(static_cast<unsigned char>(parameter[0])) != 'q' || parameter[1] != '=') {
      continue;
    }
    std::string_view value = parameter.substr(2);
    return value.find_first_not_of("0.") == std::string_view::npos;
  }
  return false;
}

bool is_html(const Asset& asset) { return asset.content_type.substr(0, 9) == "text/html"; }

}  // namespace

bool Console::accepts_html(std::string_view accept) {
  while (!accept.empty()) {
    std::size_t comma = accept.find(',');
    std::string_view range = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    std::size_t semicolon = range.find(';');
    std::string_view type = trimmed(range.substr(0, semicolon));
    if (!equals_lower(type, "text/html") && !equals_lower(type, "text/*")) continue;
    if (semicolon == std::string_view::npos || !refused_by_quality(range.substr(semicolon + 1))) return true;
  }
  return false;
}

std::optional<http::Response> Console::answer(const http::Request& request) const {
  if (request.method() != bhttp::verb::get) return std::nullopt;
  std::string_view target = request.target();
  std::string_view path = target.substr(0, target.find('?'));
  if (path != "/console" && path.substr(0, 9) != "/console/") return std::nullopt;
  const Asset* asset = find_asset(path);
  if (asset == nullptr) return std::nullopt;
  if (is_html(*asset)) {
    auto accept = request.find(bhttp::field::accept);
    if (accept == request.end() || !accepts_html(accept->value())) return std::nullopt;
  }
  if (!allowed_) return refusal(request);
  auto if_none_match = request.find(bhttp::field::if_none_match);
  bool unchanged = if_none_match != request.end() && if_none_match->value().find(asset->etag) != std::string::npos;
  http::Response response{unchanged ? bhttp::status::not_modified : bhttp::status::ok, request.version()};
  response.set(bhttp::field::etag, asset->etag);
  response.set(bhttp::field::cache_control, "no-cache");
  if (!unchanged) {
    response.set(bhttp::field::content_type, asset->content_type);
    response.set("Content-Security-Policy", kContentSecurityPolicy);
    response.set("X-Content-Type-Options", "nosniff");
    response.body() = std::string(asset->bytes);
  }
  return response;
}

http::Response Console::refusal(const http::Request& request) const {
  http::Response response{bhttp::status::forbidden, request.version()};
  response.set(bhttp::field::content_type, "text/plain; charset=utf-8");
  response.body() = "The eddy console is refused: eddy listens on " + host_ +
                    ", which is not a loopback address. Start eddy with --admin to allow it.\n";
  return response;
}

}  // namespace eddy::console
