// JsonLogFormatter: spdlog's formatter for --log-format json. Every line is one JSON object:
//   {"time":"2026-01-01T12:00:00.000Z","level":"info","message":"..."}
// and an event's line (from the logger named kEventLoggerName, whose payload is already the JSON
// members "message":"...","key":value...) is {"time":...,"level":...,<payload>}. Time is UTC with
// milliseconds; level is spdlog's name (trace, debug, info, warning, error, critical).
#pragma once

#include <memory>

#include <spdlog/formatter.h>

namespace eddy::server {

class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace eddy::server
