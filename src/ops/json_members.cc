// See json_members.h.
#include "ops/json_members.h"

namespace eddy::ops {

void read_member(const JsonValue& json, const char* key, std::string& out) {
  auto found = json.FindMember(key);
  if (found != json.MemberEnd() && found->value.IsString()) {
    out.assign(found->value.GetString(), found->value.GetStringLength());
  }
}

void read_member(const JsonValue& json, const char* key, double& out) {
  auto found = json.FindMember(key);
  if (found != json.MemberEnd() && found->value.IsNumber()) out = found->value.GetDouble();
}

void read_member(const JsonValue& json, const char* key, int64_t& out) {
  auto found = json.FindMember(key);
  if (found != json.MemberEnd() && found->value.IsInt64()) out = found->value.GetInt64();
}

void write_nonempty(JsonWriter& writer, const char* key, const std::string& value) {
  if (value.empty()) return;
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_time(JsonWriter& writer, const char* key, double seconds) {
  if (seconds == 0) return;
  writer.Key(key);
  writer.Double(seconds);
}

}  // namespace eddy::ops
