// Writing an object's members with a RapidJSON Writer in one call each: `put(w, "Name", value)`
// for texts, integers, doubles and booleans. Shared by every answer and record that eddy writes
// with a Writer (the admin calls, Lambda's mapping API, the mapping descriptors, invocation records).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

#include "protocol/json.h"

namespace eddy {

inline void put(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

// Without this, a string literal would be written as true (a pointer converts to bool first).
inline void put(JsonWriter& w, const char* key, const char* value) { put(w, key, std::string_view(value)); }
inline void put(JsonWriter& w, const char* key, const std::string& value) { put(w, key, std::string_view(value)); }

inline void put(JsonWriter& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}

inline void put(JsonWriter& w, const char* key, double value) {
  w.Key(key);
  w.Double(value);
}

// Any integer but bool: signed ones as Int64, unsigned ones as Uint64.
template <typename Integer, std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>, int> = 0>
void put(JsonWriter& w, const char* key, Integer value) {
  w.Key(key);
  if constexpr (std::is_signed_v<Integer>) {
    w.Int64(static_cast<std::int64_t>(value));
  } else {
    w.Uint64(static_cast<std::uint64_t>(value));
  }
}

// The text that `write` writes with a Writer.
inline std::string written_json(const std::function<void(JsonWriter&)>& write) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy
