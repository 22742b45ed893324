// The admin API's plain types: a call as its handler sees it, and the answer it gives. Handlers
// are plain functions (route_table.h lists them); the admin dispatcher in src/server/ turns HTTP
// into an AdminCall and an AdminAnswer back into HTTP. See docs/test-controls.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/json.h"

namespace eddy::admin {

struct AdminCall {
  std::string method;                        // "GET", "POST", "DELETE"
  std::string path;                          // "/eddy/v1/streams/Orders/wait", decoded
  std::vector<std::string> parameters;       // the route's {…} segments, in order ("Orders")
  std::map<std::string, std::string> query;  // "count" -> "3"
  const JsonValue* body = nullptr;           // the JSON body; an empty object when none was sent
  std::size_t worker = 0;                    // the worker thread that runs the call
};

struct AdminAnswer;

// A wait's timeout_ms: its default and its most.
inline constexpr uint64_t kDefaultWaitTimeoutMs = 10000;
inline constexpr uint64_t kMaxWaitTimeoutMs = uint64_t{10} * 60 * 1000;

// A whole number query parameter of `call` in [low, high]; `fallback` when absent; nullopt when
// malformed or out of range.
std::optional<uint64_t> query_number(const AdminCall& call, const char* name, uint64_t fallback, uint64_t low,
                                     uint64_t high);

// An answer that is not ready yet (a wait). The dispatcher parks the call without blocking its
// worker: it calls `start` once with a Deliver, which hands over the answer from any thread;
// if none came after `timeout`, `on_timeout()` is the answer.
struct LaterAnswer {
  struct Deliver {
    std::function<bool(AdminAnswer)> answer;  // true when this answer is the one sent: the first
    std::function<bool()> done;               // answered (or timed out, or the client went away)
  };
  std::function<void(Deliver)> start;
  std::chrono::milliseconds timeout{0};
  std::function<AdminAnswer()> on_timeout;
};

struct AdminAnswer {
  int status = 200;
  std::string body = "{}";             // JSON
  std::shared_ptr<LaterAnswer> later;  // set: the answer comes later
};

// {"__type":"eddy.admin#<type>","message":"<message>"} with `status`; `extra_json` (members without
// braces) is added to the object.
AdminAnswer admin_error(int status, std::string_view type, std::string_view message, std::string_view extra_json = {});
AdminAnswer validation_failure(std::string_view message);  // 400 ValidationException
AdminAnswer not_found(std::string_view message);           // 400 ResourceNotFoundException
AdminAnswer in_use(std::string_view message);              // 400 ResourceInUseException
// A failed engine or streams call: its status and type as DynamoDB would give them.
AdminAnswer api_failure(int status, std::string_view type_name, std::string_view message);

}  // namespace eddy::admin
