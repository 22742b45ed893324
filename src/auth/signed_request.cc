// Header and query access for SignedRequest; see signed_request.h.
#include "auth/signed_request.h"

#include "auth/uri_encoding.h"

namespace eddy::auth {
namespace {

// SigV4 trims a header value and collapses each run of spaces into one.
void append_trimmed(std::string& out, std::string_view value) {
  std::size_t start = value.find_first_not_of(" \t");
  if (start == std::string_view::npos) return;
  std::size_t end = value.find_last_not_of(" \t");
  bool in_space = false;
  for (char c : value.substr(start, end - start + 1)) {
    bool space = c == ' ' || c == '\t';
    if (space && in_space) continue;
    out.push_back(space ? ' ' : c);
    in_space = space;
  }
}

}  // namespace

std::string SignedRequest::header(std::string_view name, bool* present) const {
  std::string joined;
  bool found = false;
  for (const auto& [field, value] : headers) {
    if (field != name) continue;
    if (found) joined.push_back(',');
    append_trimmed(joined, value);
    found = true;
  }
  if (present != nullptr) *present = found;
  return joined;
}

std::string_view SignedRequest::raw_header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (field == name) return value;
  }
  return {};
}

std::string_view SignedRequest::path() const { return target.substr(0, target.find('?')); }

std::string_view SignedRequest::query() const {
  std::size_t mark = target.find('?');
  return mark == std::string_view::npos ? std::string_view() : target.substr(mark + 1);
}

std::vector<std::pair<std::string, std::string>> query_parameters(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> parameters;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    std::string_view value = equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    parameters.emplace_back(percent_decode(name), percent_decode(value));
  }
  return parameters;
}

}  // namespace eddy::auth
