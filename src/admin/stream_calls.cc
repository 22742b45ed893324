// Forced stream events and waits (docs/test-controls.md):
//   POST /eddy/v1/streams/<table>/rollover               close every open shard now, open children
//   POST /eddy/v1/streams/<table>/split [{"shard_id"}]   split one open shard in two by key range
//   POST /eddy/v1/streams/<table>/mark                   the table's mark := its record count
//   GET  /eddy/v1/streams/<table>/wait?count=N&timeout_ms=T
//        answers once the stream holds N more records than the mark (stream_waits.h), or 408
// A wait never blocks its worker: it is answered later, on the thread of the commit that completes it.
#include <chrono>

#include "admin/answer_json.h"
#include "admin/calls.h"
#include "streams/streams.h"

namespace eddy::admin {
namespace {

AdminAnswer table_not_found(const std::string& name) {
  return not_found("Requested resource not found: Table: " + name + " not found");
}

// The table, when it exists and has an enabled stream; else the answer that says why not.
std::optional<AdminAnswer> check_stream(AdminContext& context, const std::string& name) {
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return table_not_found(name);
  if (!table->stream.enabled || context.state.streams == nullptr) {
    return not_found("Table " + name + " has no enabled stream");
  }
  return std::nullopt;
}

AdminAnswer shard_event(const Result<streams::Streams::ShardEvent>& event) {
  if (!event) return api_failure(event.error().http_status(), event.error().type_name(), event.error().message);
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       for (const auto* list : {&event->closed, &event->opened}) {
                         w.Key(list == &event->closed ? "closed" : "opened");
                         w.StartArray();
                         for (const auto& id : *list) w.String(id.data(), static_cast<rapidjson::SizeType>(id.size()));
                         w.EndArray();
                       }
                       w.EndObject();
                     }),
                     nullptr};
}

std::string progress_members(const std::string& table, const StreamWaits::Progress& progress) {
  return written_json([&](JsonWriter& w) {
    w.StartObject();
    put(w, "table", table);
    put(w, "records", progress.records);
    put(w, "mark", progress.mark);
    w.EndObject();
  });
}

}  // namespace

AdminAnswer roll_over_stream(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  if (auto problem = check_stream(context, name)) return *problem;
  Result<streams::Streams::ShardEvent> event;
  context.server.shared(call.worker, [&] { event = context.state.streams->force_rollover(name); });
  return shard_event(event);
}

AdminAnswer split_stream_shard(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  if (auto problem = check_stream(context, name)) return *problem;
  std::optional<std::string> shard_id;
  if (const JsonValue* shard = member(*call.body, "shard_id")) {
    if (!shard->IsString()) return validation_failure("shard_id must be a ShardId");
    shard_id = shard->GetString();
  }
  Result<streams::Streams::ShardEvent> event;
  context.server.shared(call.worker, [&] { event = context.state.streams->split_shard(name, shard_id); });
  return shard_event(event);
}

AdminAnswer mark_stream(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  if (auto problem = check_stream(context, name)) return *problem;
  return AdminAnswer{200, progress_members(name, context.waits.mark(name)), nullptr};
}

AdminAnswer wait_for_stream(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  std::optional<uint64_t> count = query_number(call, "count", 1, 0, 1000000000);
  if (!count) return validation_failure("count must be a whole number from 0 to 1000000000");
  std::optional<uint64_t> timeout = query_number(call, "timeout_ms", kDefaultWaitTimeoutMs, 1, kMaxWaitTimeoutMs);
  if (!timeout) return validation_failure("timeout_ms must be a whole number of milliseconds from 1 to 600000");
  if (auto problem = check_stream(context, name)) return *problem;
  StreamWaits& waits = context.waits;
  auto later = std::make_shared<LaterAnswer>();
  later->timeout = std::chrono::milliseconds(*timeout);
  later->start = [&waits, name, count = *count](LaterAnswer::Deliver deliver) {
    waits.wait(name, count, std::move(deliver), [name](StreamWaits::Progress progress) {
      return AdminAnswer{200, progress_members(name, progress), nullptr};
    });
  };
  later->on_timeout = [&waits, name, count = *count, timeout = *timeout] {
    StreamWaits::Progress progress = waits.progress(name);
    uint64_t seen = progress.records >= progress.mark ? progress.records - progress.mark : 0;
    std::string members = progress_members(name, progress);
    members = members.substr(1, members.size() - 2);  // without its braces
    return admin_error(408, "WaitTimeoutException",
                       "The stream of " + name + " holds " + std::to_string(seen) + " of the " + std::to_string(count) +
                           " records waited for after " + std::to_string(timeout) + " ms",
                       members);
  };
  return AdminAnswer{200, "", later};
}

}  // namespace eddy::admin
