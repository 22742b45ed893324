// LogEvent: a log line with named fields, such as the line of one request or the start-up banner.
// In text it reads "message key=value key=value"; in JSON its fields are members of the line's
// object beside "time" and "level" (log_format.h). Build one only after should_log_event said yes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/common.h>

namespace eddy::server {

class LogEvent {
 public:
  explicit LogEvent(std::string message) : message_(std::move(message)) {}
  LogEvent& add(std::string_view key, std::string_view value);
  // Without it a string literal would choose the bool overload.
  LogEvent& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  LogEvent& add(std::string_view key, std::int64_t value);
  LogEvent& add(std::string_view key, bool value);
  LogEvent& add_null(std::string_view key);

  // "message key=value ..." (a value with a space or a quote is written as a JSON string).
  std::string text() const;
  // "\"message\":\"...\",\"key\":value,..." (members of a JSON object, without the braces).
  std::string json_members() const;

 private:
  struct Field {
    std::string key;
    std::string text;  // as the text line shows it
    std::string json;  // as a JSON value
  };
  std::string message_;
  std::vector<Field> fields_;
};

// Whether an event at `level` would be written: one atomic load.
bool should_log_event(spdlog::level::level_enum level);
// Writes the event in the configured format (log_format.h).
void log_event(spdlog::level::level_enum level, const LogEvent& event);

}  // namespace eddy::server
