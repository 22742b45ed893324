// Waiting for a trigger (docs/test-controls.md):
//   GET /eddy/v1/triggers/<UUID>/wait?idle_ms=I&timeout_ms=T
//        answers once the Lambda event source mapping has delivered every record its stream holds,
//        with no batch on its way, and stayed so for I ms (default 0); or 408 after T ms
// The wait runs on a thread of the server's (ServerControl::wait_trigger_delivered), never on the
// worker: the worker is free as soon as the call is parked.
#include <chrono>

#include "admin/answer_json.h"
#include "admin/calls.h"

namespace eddy::admin {
namespace {

std::string delivered_body(const std::string& uuid) {
  return written_json([&](JsonWriter& w) {
    w.StartObject();
    put(w, "uuid", uuid);
    w.Key("delivered");
    w.Bool(true);
    w.EndObject();
  });
}

}  // namespace

AdminAnswer wait_for_trigger(AdminContext& context, const AdminCall& call) {
  const std::string& uuid = call.parameters.at(0);
  std::optional<uint64_t> timeout = query_number(call, "timeout_ms", kDefaultWaitTimeoutMs, 1, kMaxWaitTimeoutMs);
  if (!timeout) return validation_failure("timeout_ms must be a whole number of milliseconds from 1 to 600000");
  std::optional<uint64_t> idle = query_number(call, "idle_ms", 0, 0, kMaxWaitTimeoutMs);
  if (!idle) return validation_failure("idle_ms must be a whole number of milliseconds from 0 to 600000");
  const double idle_seconds = static_cast<double>(*idle) / 1000;
  ServerControl& server = context.server;
  auto later = std::make_shared<LaterAnswer>();
  later->timeout = std::chrono::milliseconds(*timeout);
  later->start = [&server, uuid, idle_seconds](LaterAnswer::Deliver deliver) {
    auto done = deliver.done;
    server.wait_trigger_delivered(
        uuid, idle_seconds, std::move(done), [uuid, deliver = std::move(deliver)](Result<bool> delivered) {
          if (!delivered) {
            const ApiError& error = delivered.error();
            deliver.answer(api_failure(error.http_status(), error.type_name(), error.message));
          } else if (*delivered) {
            deliver.answer(AdminAnswer{200, delivered_body(uuid), nullptr});
          }
        });
  };
  later->on_timeout = [uuid, timeout = *timeout] {
    return admin_error(
        408, "WaitTimeoutException",
        "The event source mapping " + uuid + " has records left to deliver after " + std::to_string(timeout) + " ms");
  };
  return AdminAnswer{200, "", later};
}

}  // namespace eddy::admin
