// Admin JSON helpers; see answer_json.h.
#include "admin/answer_json.h"

namespace eddy::admin {

std::string written_json(const std::function<void(JsonWriter&)>& write) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

void put(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void put(JsonWriter& w, const char* key, double value) {
  w.Key(key);
  w.Double(value);
}

void put(JsonWriter& w, const char* key, uint64_t value) {
  w.Key(key);
  w.Uint64(value);
}

void put(JsonWriter& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}

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
