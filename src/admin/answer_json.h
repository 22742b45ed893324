// Small helpers for the admin calls' JSON: writing an answer, reading a body's members.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "protocol/json.h"
#include "protocol/json_members.h"

namespace eddy::admin {

// written_json and put(w, key, value) come from protocol/json_members.h.
// "milliseconds": the time since `started`, for calls whose cost a test suite watches.
void put_elapsed(JsonWriter& w, std::chrono::steady_clock::time_point started);

// The member `name` of the body, or nullptr when it is absent (or null).
const JsonValue* member(const JsonValue& body, const char* name);

}  // namespace eddy::admin
