// Waiting for a trigger (docs/test-controls.md):
//   GET /eddy/v1/triggers/<UUID>/wait?timeout_ms=T
//        answers once the Lambda event source mapping has delivered every record its stream holds
//        and no batch is on its way, or 408 after T ms
// The wait runs on a thread of the server's (ServerControl::wait_trigger_delivered), never on the
// worker: the worker is free as soon as the call is parked.
#include <chrono>

#include "admin/answer_json.h"
#include "admin/calls.h"

namespace eddy::admin {
namespace {

constexpr uint64_t kDefaultTimeoutMs = 10000;
constexpr uint64_t kMaxTimeoutMs = 10 * 60 * 1000;

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
  std::optional<uint64_t> timeout = query_number(call, "timeout_ms", kDefaultTimeoutMs, 1, kMaxTimeoutMs);
  if (!timeout) return validation_failure("timeout_ms must be a whole number of milliseconds from 1 to 600000");
  ServerControl& server = context.server;
  auto later = std::make_shared<LaterAnswer>();
  later->timeout = std::chrono::milliseconds(*timeout);
  later->start = [&server, uuid](LaterAnswer::Deliver deliver) {
    auto done = deliver.done;
    server.wait_trigger_delivered(uuid, std::move(done), [uuid, deliver = std::move(deliver)](Result<bool> delivered) {
      if (!delivered) {
        const ApiError& error = delivered.error();
        deliver.answer(api_failure(error.http_status(), error.type_name(), error.message));
      } else if (*delivered) {
        deliver.answer(AdminAnswer{200, delivered_body(uuid), nullptr});
      }
    });
  };
  later->on_timeout = [uuid, timeout = *timeout] {
    return admin_error(408, "WaitTimeoutException",
                       "The event source mapping " + uuid + " has records left to deliver after " +
                           std::to_string(timeout) + " ms");
  };
  return AdminAnswer{200, "", later};
}

}  // namespace eddy::admin
