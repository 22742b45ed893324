// Stream labels; see stream_label.h.
#include "ops/stream_label.h"

#include <cstdio>
#include <ctime>

namespace eddy::ops {

std::string stream_label(double now) {
  auto seconds = static_cast<std::time_t>(now);
  int millis = static_cast<int>((now - static_cast<double>(seconds)) * 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return text;
}

}  // namespace eddy::ops
