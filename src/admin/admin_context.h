// What every admin handler receives: the server's long-lived services (the engine, the clock, the
// streams), the admin API's own state (fault rules, stream marks), and the few things that only the
// server around them can do (ServerControl).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "admin/fault_rules.h"
#include "admin/stream_waits.h"
#include "model/api_error.h"
#include "ops/request_context.h"

namespace eddy::admin {

struct AdminContext;

// Implemented by the server (server/server.cc), so that the admin layer needs nothing of it.
class ServerControl {
 public:
  virtual ~ServerControl() = default;
  // Runs `work` while no request and no background service uses the database (a restore, a
  // reset, a truncate); requests that arrive meanwhile wait (server/request_gate.h).
  virtual void exclusive(const std::function<void()>& work) = 0;
  // Runs `work` as a request on worker `worker` does: after an exclusive() in progress, and
  // holding one back until it is done.
  virtual void shared(std::size_t worker, const std::function<void()>& work) = 0;
  // After a restore or reset (inside exclusive()): reloads every in-memory copy of what storage
  // holds (the catalog, the streams' state, transaction tokens, and whatever else registered).
  virtual Result<void> reload() = 0;
  // Waits until every background service (TTL sweeper, stream maintenance) has run a pass that
  // started after the clock's latest move, so that what the move made due is done.
  virtual void catch_up_background() = 0;
  // Calls `done`, on a thread of the server's (never a worker), once the event source mapping
  // `uuid` has delivered every record its stream holds with no batch on its way, and stayed so
  // for `idle_seconds` (true), or with false as soon as `give_up()` is true or eddy stops;
  // ResourceNotFoundException for no such mapping.
  virtual void wait_trigger_delivered(const std::string& uuid, double idle_seconds, std::function<bool()> give_up,
                                      std::function<void(Result<bool>)> done) = 0;
  // With namespaces by access key and region, the shared tables' control answers every
  // namespace's context (each opened first, those kept on disk too), so that a snapshot or reset
  // named with no namespace acts on the whole data folder; a namespace's control answers none.
  virtual std::vector<AdminContext*> every_namespace() { return {}; }
};

struct AdminContext {
  ops::ServerState& state;
  Clock& clock;  // the server state's clock, to move
  ServerControl& server;
  FaultRules& faults;
  StreamWaits& waits;

  engine::Database& database() { return state.database; }
  double now() const { return state.clock.now(); }
};

}  // namespace eddy::admin
