// The admin API's registration table: every call under /eddy/v1/, by HTTP method and path
// pattern, and the plain function that answers it. Adding a call is one line in route_table.cc.
// Patterns name their variable segments in braces ("/eddy/v1/streams/{table}/wait"); a call
// receives them, in order, as AdminCall::parameters. See docs/test-controls.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "admin/admin_call.h"
#include "admin/admin_context.h"

namespace eddy::admin {

using AdminHandler = AdminAnswer (*)(AdminContext& context, const AdminCall& call);

// What a call acts on with namespaces by access key and region (docs/namespaces.md): the
// namespace its request names, or the whole process (the one clock, the fault rules).
enum class Scope { kNamespace, kProcess };

struct Route {
  std::string_view method;   // "GET", "POST", "DELETE"
  std::string_view pattern;  // "/eddy/v1/snapshots/{name}/restore"
  AdminHandler handler;
  Scope scope = Scope::kNamespace;
};

const std::vector<Route>& routes();

struct RouteMatch {
  AdminHandler handler = nullptr;  // null: no route for this method and path
  bool path_known = false;         // some route has this path (with another method)
  Scope scope = Scope::kNamespace;
  std::vector<std::string> parameters;
};
// `path` without its query; its segments are compared as they are (the caller decodes them).
RouteMatch find_route(std::string_view method, std::string_view path);

}  // namespace eddy::admin
