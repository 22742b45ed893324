// LogEvent; see log_event.h.
#include "server/log_event.h"

#include "protocol/json_text.h"
#include "server/log_format.h"

namespace eddy::server {

LogEvent& LogEvent::add(std::string_view key, std::string_view value) {
  std::string json;
  append_json_string(json, value);
  bool plain = !value.empty() && value.find_first_of(" \"=") == std::string_view::npos;
  fields_.push_back({std::string(key), plain ? std::string(value) : json, json});
  return *this;
}

LogEvent& LogEvent::add(std::string_view key, std::int64_t value) {
  std::string text = std::to_string(value);
  fields_.push_back({std::string(key), text, text});
  return *this;
}

LogEvent& LogEvent::add(std::string_view key, bool value) {
  std::string text = value ? "true" : "false";
  fields_.push_back({std::string(key), text, text});
  return *this;
}

LogEvent& LogEvent::add_null(std::string_view key) {
  fields_.push_back({std::string(key), "null", "null"});
  return *this;
}

std::string LogEvent::text() const {
  std::string line = message_;
  for (const Field& field : fields_) {
    line += ' ';
    line += field.key;
    line += '=';
    line += field.text;
  }
  return line;
}

std::string LogEvent::json_members() const {
  std::string members = "\"message\":";
  append_json_string(members, message_);
  for (const Field& field : fields_) {
    members += ',';
    append_json_string(members, field.key);
    members += ':';
    members += field.json;
  }
  return members;
}

bool should_log_event(spdlog::level::level_enum level) { return event_logger().should_log(level); }

void log_event(spdlog::level::level_enum level, const LogEvent& event) {
  spdlog::logger& logger = event_logger();
  if (!logger.should_log(level)) return;
  std::string line = log_format() == LogFormat::kJson ? event.json_members() : event.text();
  logger.log(level, spdlog::string_view_t(line.data(), line.size()));
}

}  // namespace eddy::server
