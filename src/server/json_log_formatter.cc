// JsonLogFormatter; see json_log_formatter.h.
#include "server/json_log_formatter.h"

#include <chrono>
#include <ctime>
#include <string>

#include "protocol/json_text.h"
#include "server/log_format.h"

namespace eddy::server {
namespace {

// "2026-01-01T12:00:00.000Z"
void append_utc_time(std::string& out, spdlog::log_clock::time_point time) {
  using namespace std::chrono;
  auto since_epoch = time.time_since_epoch();
  std::time_t seconds = duration_cast<std::chrono::seconds>(since_epoch).count();
  auto millis = duration_cast<milliseconds>(since_epoch).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(millis));
  out += '"';
  out += text;
  out += '"';
}

}  // namespace

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  std::string line = "{\"time\":";
  append_utc_time(line, msg.time);
  line += ",\"level\":";
  auto level = spdlog::level::to_string_view(msg.level);
  append_json_string(line, std::string_view(level.data(), level.size()));
  std::string_view payload(msg.payload.data(), msg.payload.size());
  if (std::string_view(msg.logger_name.data(), msg.logger_name.size()) == kEventLoggerName) {
    line += ',';
    line += payload;
  } else {
    line += ",\"message\":";
    append_json_string(line, payload);
  }
  line += "}\n";
  dest.append(line.data(), line.data() + line.size());
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const { return std::make_unique<JsonLogFormatter>(); }

}  // namespace eddy::server
