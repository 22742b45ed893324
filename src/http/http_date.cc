// IMF-fixdate formatting; see http_date.h.
#include "http/http_date.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace eddy::http {

std::string http_date(double seconds) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t time = static_cast<std::time_t>(std::floor(seconds));
  std::tm parts{};
  gmtime_r(&time, &parts);
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[parts.tm_wday], parts.tm_mday,
                kMonths[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour, parts.tm_min, parts.tm_sec);
  return out;
}

}  // namespace eddy::http
