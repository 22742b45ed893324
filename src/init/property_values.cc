// Conversions of template property values; see property_values.h.
#include "init/property_values.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace eddy::init {

void coerce_number(JsonValue& value) {
  if (!value.IsString()) return;
  std::string text(value.GetString(), value.GetStringLength());
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return;
  value.SetInt64(std::stoll(text));
}

void coerce_bool(JsonValue& value) {
  if (!value.IsString()) return;
  std::string text(value.GetString(), value.GetStringLength());
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  if (text == "true") value.SetBool(true);
  if (text == "false") value.SetBool(false);
}

JsonValue* member(JsonValue& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  auto found = object.FindMember(JsonValue(rapidjson::StringRef(name.data(), name.size())));
  return found == object.MemberEnd() ? nullptr : &found->value;
}

void put(JsonValue& target, std::string_view name, const JsonValue& value, Allocator& allocator) {
  JsonValue key(name.data(), static_cast<rapidjson::SizeType>(name.size()), allocator);
  target.AddMember(key, JsonValue(value, allocator), allocator);
}

void put_string(JsonValue& target, std::string_view name, std::string_view value, Allocator& allocator) {
  // A copy: RapidJSON's deep copy keeps a StringRef's pointer, which `value` may not outlive.
  JsonValue key(name.data(), static_cast<rapidjson::SizeType>(name.size()), allocator);
  JsonValue text(value.data(), static_cast<rapidjson::SizeType>(value.size()), allocator);
  target.AddMember(key, text, allocator);
}

JsonValue throughput(const JsonValue& value, Allocator& allocator) {
  JsonValue copy(value, allocator);
  if (JsonValue* read = member(copy, "ReadCapacityUnits")) coerce_number(*read);
  if (JsonValue* write = member(copy, "WriteCapacityUnits")) coerce_number(*write);
  return copy;
}

}  // namespace eddy::init
