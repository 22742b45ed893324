// ISO-8601 reading and writing; see iso8601.h.
#include "admin/iso8601.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace eddy::admin {
namespace {

// Reads exactly `digits` decimal digits at `at`, advancing it.
bool read_number(std::string_view text, std::size_t& at, int digits, int& value) {
  if (at + digits > text.size()) return false;
  value = 0;
  for (int i = 0; i < digits; ++i) {
    char c = text[at + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  at += digits;
  return true;
}

bool expect(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

// "Z", "+HH:MM", "+HHMM", "-HH:MM", "-HHMM" or nothing: seconds east of UTC.
bool read_zone(std::string_view text, std::size_t& at, int& offset) {
  offset = 0;
  if (at == text.size()) return true;
  if (text[at] == 'Z' || text[at] == 'z') return ++at == text.size();
  if (text[at] != '+' && text[at] != '-') return false;
  int sign = text[at++] == '-' ? -1 : 1;
  int hours = 0, minutes = 0;
  if (!read_number(text, at, 2, hours)) return false;
  if (at < text.size() && text[at] == ':') ++at;
  if (!read_number(text, at, 2, minutes) || hours > 23 || minutes > 59) return false;
  offset = sign * (hours * 3600 + minutes * 60);
  return at == text.size();
}

}  // namespace

std::string iso8601(double epoch_seconds) {
  double whole = std::floor(epoch_seconds);
  auto millis = static_cast<int>(std::lround((epoch_seconds - whole) * 1000));
  if (millis == 1000) {
    whole += 1;
    millis = 0;
  }
  auto time = static_cast<std::time_t>(whole);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return text;
}

std::optional<double> parse_iso8601(std::string_view text) {
  std::size_t at = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_number(text, at, 4, year) || !expect(text, at, '-') || !read_number(text, at, 2, month) ||
      !expect(text, at, '-') || !read_number(text, at, 2, day)) {
    return std::nullopt;
  }
  if (at >= text.size() || (text[at] != 'T' && text[at] != 't' && text[at] != ' ')) return std::nullopt;
  ++at;
  if (!read_number(text, at, 2, hour) || !expect(text, at, ':') || !read_number(text, at, 2, minute) ||
      !expect(text, at, ':') || !read_number(text, at, 2, second)) {
    return std::nullopt;
  }
  double fraction = 0;
  if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
    ++at;
    double scale = 0.1;
    std::size_t first = at;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, scale /= 10)
      fraction += (text[at] - '0') * scale;
    if (at == first) return std::nullopt;
  }
  int offset = 0;
  if (!read_zone(text, at, offset)) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::tm utc{};
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  std::time_t seconds = timegm(&utc);
  // timegm normalises 31 February into March: such a date is not one.
  std::tm back{};
  gmtime_r(&seconds, &back);
  if (back.tm_mday != day && second != 60) return std::nullopt;
  return static_cast<double>(seconds) - offset + fraction;
}

}  // namespace eddy::admin
