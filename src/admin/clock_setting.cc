// The persisted clock; see clock_setting.h. The setting is {"now": <epoch seconds>, "offset": <seconds>}.
#include "admin/clock_setting.h"

#include <cstdio>

#include <rapidjson/document.h>

namespace eddy::admin {

bool is_virtual(const Clock& clock) { return dynamic_cast<const ManualClock*>(&clock) != nullptr; }

void set_clock(Clock& clock, double epoch_seconds) {
  if (auto* manual = dynamic_cast<ManualClock*>(&clock)) return manual->set(epoch_seconds);
  clock.advance(epoch_seconds - clock.now());
}

double clock_offset(const Clock& clock) { return clock.now() - WallClock::system_now(); }

Result<void> save_clock(engine::Database& database, const Clock& clock) {
  char text[128];
  std::snprintf(text, sizeof text, "{\"now\":%.6f,\"offset\":%.6f}", clock.now(), clock_offset(clock));
  return database.write_setting("clock", text);
}

Result<void> restore_clock(const engine::Database& database, Clock& clock) {
  auto stored = database.read_setting("clock");
  if (!stored) return fail(stored.error());
  if (!*stored) return {};
  rapidjson::Document doc;
  doc.Parse((*stored)->data(), (*stored)->size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("now") || !doc["now"].IsNumber() ||
      !doc.HasMember("offset") || !doc["offset"].IsNumber()) {
    return {};  // unreadable: the clock starts as if never moved
  }
  if (is_virtual(clock)) {
    set_clock(clock, doc["now"].GetDouble());
  } else {
    set_clock(clock, WallClock::system_now() + doc["offset"].GetDouble());
  }
  return {};
}

}  // namespace eddy::admin
