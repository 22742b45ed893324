// Logging's configuration; see log_format.h.
#include "server/log_format.h"

#include <atomic>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "server/json_log_formatter.h"

namespace eddy::server {
namespace {

constexpr const char* kTextPattern = "%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v";

std::atomic<LogFormat> current_format{LogFormat::kText};

// Set once, by configure_logging, before any thread but main's logs; read afterwards only.
std::shared_ptr<spdlog::logger>& configured_event_logger() {
  static std::shared_ptr<spdlog::logger> logger;
  return logger;
}

}  // namespace

std::optional<LogFormat> parse_log_format(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return std::nullopt;
}

void configure_logging(std::string_view level, LogFormat format) {
  auto level_value = spdlog::level::from_str(std::string(level));
  std::shared_ptr<spdlog::logger> main_logger = spdlog::default_logger();
  // The formatter belongs to the sinks, which both loggers share: one formatter writes both.
  if (format == LogFormat::kJson) {
    main_logger->set_formatter(std::make_unique<JsonLogFormatter>());
  } else {
    main_logger->set_pattern(kTextPattern);
  }
  auto events = std::make_shared<spdlog::logger>(std::string(kEventLoggerName), main_logger->sinks().begin(),
                                                 main_logger->sinks().end());
  spdlog::set_level(level_value);
  events->set_level(level_value);
  current_format.store(format);
  configured_event_logger() = std::move(events);
}

LogFormat log_format() { return current_format.load(std::memory_order_relaxed); }

spdlog::logger& event_logger() {
  if (auto& configured = configured_event_logger()) return *configured;
  return *spdlog::default_logger_raw();
}

}  // namespace eddy::server
