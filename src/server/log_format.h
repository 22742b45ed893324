// How eddy's log reads: the level and the format of every line (eddy's own, RocksDB's warnings,
// the per-request and start-up events of log_event.h). Text is for people ("2026-01-01T12:00:00.000
// info ..."); JSON is one object per line for log collectors ({"time", "level", "message", and an
// event's fields}). See docs/logging.md.
#pragma once

#include <optional>
#include <string_view>

#include <spdlog/logger.h>

namespace eddy::server {

enum class LogFormat { kText, kJson };

// "text" or "json"; nullopt for anything else.
std::optional<LogFormat> parse_log_format(std::string_view name);

// Sets the level ("trace", "debug", "info", "warn", "error", "off") and the format of every line
// from now on. Called once by main before the server starts; until then lines are spdlog's default
// text and events are written as text.
void configure_logging(std::string_view level, LogFormat format);

// The format configure_logging chose. Default: kText.
LogFormat log_format();

// The logger events are written to: it shares the default logger's sinks, so the formatter tells
// an event's line (its payload is already JSON members in JSON format) by this logger's name.
spdlog::logger& event_logger();
inline constexpr std::string_view kEventLoggerName = "event";

}  // namespace eddy::server
