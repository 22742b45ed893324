// Admin JSON helpers; see answer_json.h.
#include "admin/answer_json.h"

namespace eddy::admin {

void put_elapsed(JsonWriter& w, std::chrono::steady_clock::time_point started) {
  auto elapsed = std::chrono::steady_clock::now() - started;
  put(w, "milliseconds", std::chrono::duration<double, std::milli>(elapsed).count());
}

const JsonValue* member(const JsonValue& body, const char* name) {
  if (!body.IsObject()) return nullptr;
  auto found = body.FindMember(name);
  if (found == body.MemberEnd() || found->value.IsNull()) return nullptr;
  return &found->value;
}

}  // namespace eddy::admin
