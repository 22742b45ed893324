// Reading the members of a JSON object eddy wrote itself (export and import records): absent or
// mistyped members leave the field as it is.
#pragma once

#include <cstdint>
#include <string>

#include "protocol/json.h"

namespace eddy::ops {

void read_member(const JsonValue& json, const char* key, std::string& out);
void read_member(const JsonValue& json, const char* key, double& out);
void read_member(const JsonValue& json, const char* key, int64_t& out);
// Writes "key": value unless the text is empty / the time is 0.
void write_nonempty(JsonWriter& writer, const char* key, const std::string& value);
void write_time(JsonWriter& writer, const char* key, double seconds);

}  // namespace eddy::ops
