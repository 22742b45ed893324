// ISO-8601 times as the admin API reads and writes them (the clock's "now" and "set").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eddy::admin {

// "2026-01-01T00:00:00.000Z" (UTC, milliseconds) for epoch seconds.
std::string iso8601(double epoch_seconds);
// Epoch seconds of "YYYY-MM-DDTHH:MM:SS" with an optional fraction (".5", ".123456") and zone
// ("Z", "+02:00", "-0530"; none is UTC); a space may stand for the 'T'. nullopt when it is not one.
std::optional<double> parse_iso8601(std::string_view text);

}  // namespace eddy::admin
