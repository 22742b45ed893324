// AdminDispatcher: the admin API's HTTP side (docs/test-controls.md), beside the DynamoDB
// Dispatcher. The Endpoint hands it every request under /eddy/v1/ (DynamoDB serves only POST /),
// and it answers, in this order:
//   the refusal (403 AccessDeniedException) unless eddy listens on a loopback address or was
//     started with --admin;
//   500 while storage could not be opened (it waits for the start like DynamoDB requests do);
//   the route by method and path (admin/route_table.h): 404 UnknownOperationException for an
//     unknown path, 405 MethodNotAllowedException for a known path with another method;
//   a body that is not a JSON object: 400 SerializationException;
//   with namespaces by access key and region, the namespace the call names (admin_for below);
//   then the call's own answer, JSON, with its status. A call that answers later (a wait) is
//     parked without blocking the worker (http::Later).
// A bug in a call becomes a logged 500, as in the DynamoDB dispatcher.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "admin/admin_context.h"
#include "http/http_types.h"
#include "server/namespaces.h"
#include "server/start_gate.h"

namespace eddy::server {

class AdminDispatcher {
 public:
  // `allowed`: the listening address is loopback, or --admin was given; else every call is
  // refused, with `host` named in the message.
  AdminDispatcher(bool allowed, std::string host, StartGate& gate)
      : allowed_(allowed), host_(std::move(host)), gate_(gate) {}

  static bool is_admin_path(std::string_view target) { return target.substr(0, 9) == "/eddy/v1/"; }
  // Whether the admin API may be served on `host` (127.0.0.0/8, ::1, ::ffff:127.x.x.x).
  static bool is_loopback(const std::string& host);

  // Set once storage is open, before the start gate opens.
  void set_context(admin::AdminContext* context) { context_.store(context, std::memory_order_release); }

  // With --namespace access-key-region: a call acts on the namespace its request names
  // (docs/namespaces.md, The admin API).
  void use_namespaces(Namespaces* namespaces) { namespaces_ = namespaces; }

  // Called on worker thread `worker`.
  http::Reply handle(const http::Request& request, std::size_t worker);

 private:
  http::Reply route(const http::Request& request, std::size_t worker);
  // The context of the namespace `request` names: by the credential scope of its Authorization
  // header, else by its accessKeyId and region query parameters; the shared tables' when it names
  // none. A query that gives one of the two without the other is a ValidationException.
  Result<admin::AdminContext*> admin_for(const http::Request& request, const std::map<std::string, std::string>& query);

  bool allowed_;
  std::string host_;
  StartGate& gate_;
  std::atomic<admin::AdminContext*> context_{nullptr};
  Namespaces* namespaces_ = nullptr;
};

}  // namespace eddy::server
