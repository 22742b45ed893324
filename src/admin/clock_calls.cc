// GET /eddy/v1/clock and POST /eddy/v1/clock {"advance_seconds": N} | {"set": "<ISO-8601>"}:
// the server's clock, read and moved (docs/test-controls.md, Virtual time). A move is saved with
// the data (clock_setting.h), and answered once the background services have caught up with it,
// so that what the new time made due (TTL deletions, trimmed records, rollovers) is done.
#include <cmath>

#include "admin/answer_json.h"
#include "admin/calls.h"
#include "admin/clock_setting.h"
#include "admin/iso8601.h"

namespace eddy::admin {
namespace {

AdminAnswer clock_answer(AdminContext& context) {
  double now = context.now();
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       put(w, "now", iso8601(now));
                       put(w, "epoch_seconds", now);
                       put(w, "clock", is_virtual(context.clock) ? "virtual" : "wall");
                       put(w, "offset_seconds", clock_offset(context.clock));
                       w.EndObject();
                     }),
                     nullptr};
}

}  // namespace

AdminAnswer get_clock(AdminContext& context, const AdminCall&) { return clock_answer(context); }

AdminAnswer move_clock(AdminContext& context, const AdminCall& call) {
  const JsonValue* advance = member(*call.body, "advance_seconds");
  const JsonValue* set = member(*call.body, "set");
  if ((advance == nullptr) == (set == nullptr)) {
    return validation_failure("Give either advance_seconds (a number of seconds) or set (an ISO-8601 time)");
  }
  if (advance != nullptr) {
    if (!advance->IsNumber() || !std::isfinite(advance->GetDouble())) {
      return validation_failure("advance_seconds must be a number of seconds");
    }
    context.clock.advance(advance->GetDouble());
  } else {
    std::optional<double> target = set->IsString() ? parse_iso8601(set->GetString()) : std::nullopt;
    if (!target) return validation_failure("set must be an ISO-8601 time such as 2026-01-01T00:00:00Z");
    set_clock(context.clock, *target);
  }
  Result<void> saved;
  context.server.shared(call.worker, [&] { saved = save_clock(context.database(), context.clock); });
  if (!saved) return api_failure(500, saved.error().type_name(), saved.error().message);
  context.server.catch_up_background();
  return clock_answer(context);
}

}  // namespace eddy::admin
