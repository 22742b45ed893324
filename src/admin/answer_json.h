// Small helpers for the admin calls' JSON: writing an answer, reading a body's members.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "protocol/json.h"

namespace eddy::admin {

// The text that `write` writes with a RapidJSON Writer.
std::string written_json(const std::function<void(JsonWriter&)>& write);

void put(JsonWriter& w, const char* key, std::string_view value);
void put(JsonWriter& w, const char* key, double value);
void put(JsonWriter& w, const char* key, uint64_t value);
void put(JsonWriter& w, const char* key, bool value);
// Without this, a string literal would be written as true (a pointer converts to bool first).
inline void put(JsonWriter& w, const char* key, const char* value) { put(w, key, std::string_view(value)); }
// "milliseconds": the time since `started`, for calls whose cost a test suite watches.
void put_elapsed(JsonWriter& w, std::chrono::steady_clock::time_point started);

// The member `name` of the body, or nullptr when it is absent (or null).
const JsonValue* member(const JsonValue& body, const char* name);

}  // namespace eddy::admin
