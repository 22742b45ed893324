// Every admin call; see route_table.h.
#include "admin/route_table.h"

#include "admin/calls.h"

namespace eddy::admin {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool matches(std::string_view pattern, std::string_view path, std::vector<std::string>& parameters) {
  std::vector<std::string_view> want = segments(pattern);
  std::vector<std::string_view> have = segments(path);
  if (want.size() != have.size()) return false;
  std::vector<std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].front() == '{') {
      found.emplace_back(have[i]);
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  parameters = std::move(found);
  return true;
}

}  // namespace

const std::vector<Route>& routes() {
  static const std::vector<Route> table = {
      {"GET", "/eddy/v1/clock", get_clock, Scope::kProcess},
      {"POST", "/eddy/v1/clock", move_clock, Scope::kProcess},
      {"POST", "/eddy/v1/snapshots", create_snapshot},
      {"GET", "/eddy/v1/snapshots", list_snapshots},
      {"POST", "/eddy/v1/snapshots/{name}/restore", restore_snapshot},
      {"DELETE", "/eddy/v1/snapshots/{name}", delete_snapshot},
      {"POST", "/eddy/v1/reset", reset_database},
      {"POST", "/eddy/v1/tables/{table}/truncate", truncate_table},
      {"GET", "/eddy/v1/tables/{table}/point-in-time", describe_point_in_time},
      {"POST", "/eddy/v1/faults", add_fault, Scope::kProcess},
      {"GET", "/eddy/v1/faults", list_faults, Scope::kProcess},
      {"DELETE", "/eddy/v1/faults", delete_faults, Scope::kProcess},
      {"DELETE", "/eddy/v1/faults/{id}", delete_fault, Scope::kProcess},
      {"POST", "/eddy/v1/streams/{table}/rollover", roll_over_stream},
      {"POST", "/eddy/v1/streams/{table}/split", split_stream_shard},
      {"POST", "/eddy/v1/streams/{table}/mark", mark_stream},
      {"GET", "/eddy/v1/streams/{table}/wait", wait_for_stream},
      {"GET", "/eddy/v1/triggers/{uuid}/wait", wait_for_trigger},
  };
  return table;
}

RouteMatch find_route(std::string_view method, std::string_view path) {
  RouteMatch match;
  for (const Route& route : routes()) {
    std::vector<std::string> parameters;
    if (!matches(route.pattern, path, parameters)) continue;
    match.path_known = true;
    if (route.method != method) continue;
    match.handler = route.handler;
    match.scope = route.scope;
    match.parameters = std::move(parameters);
    return match;
  }
  return match;
}

}  // namespace eddy::admin
