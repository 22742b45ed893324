// IMF-fixdate formatting; see http_date.h.
#include "http/http_date.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

namespace eddy::http {

std::string http_date(double seconds) {
  // Every answer within one second carries the same date: formatted once per second per thread.
  thread_local std::time_t last_time = -1;
  thread_local std::string last_text;
  std::time_t time = static_cast<std::time_t>(std::floor(seconds));
  if (time == last_time) return last_text;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm parts{};
  gmtime_r(&time, &parts);
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[parts.tm_wday], parts.tm_mday,
                kMonths[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour, parts.tm_min, parts.tm_sec);
  last_time = time;
  last_text = out;
  return last_text;
}

}  // namespace eddy::http
