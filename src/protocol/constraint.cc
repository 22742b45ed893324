// DynamoDB's constraint texts; see constraint.h.
#include "protocol/constraint.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "protocol/java_text.h"
#include "protocol/json_reading.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kNamePattern = "[a-zA-Z0-9_.-]+";

bool name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

bool matches_name_pattern(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), name_character);
}

bool valid_table_name(std::string_view text) {
  return text.size() >= 3 && text.size() <= 255 && matches_name_pattern(text);
}

// A string's length as DynamoDB's (Java) validator counts it: in UTF-16 code units, not bytes, so
// "é" is 1 and "😀" is 2.
std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++units;  // each code point's first byte
    if (c >= 0xF0) ++units;           // four bytes: a surrogate pair
  }
  return units;
}

std::size_t length_of(const JsonValue& value) {
  if (value.IsString()) return utf16_length(std::string_view(value.GetString(), value.GetStringLength()));
  if (value.IsArray()) return value.Size();
  if (value.IsObject()) return value.MemberCount();
  return 0;
}

void check_length(const Constraint& c, const JsonValue& value, const MemberPath& path, std::string_view type,
                  ConstraintViolations& out) {
  auto size = static_cast<int64_t>(length_of(value));
  if (size >= c.min && size <= c.max) return;
  std::string text = size < c.min ? "Member must have length greater than or equal to " + std::to_string(c.min)
                                  : "Member must have length less than or equal to " + std::to_string(c.max);
  if (c.unshown) return out.add_unshown(path.framework_text(), text);
  out.add(path.text(), java_text(value, type), text);
}

void check_range(const Constraint& c, const JsonValue& value, const MemberPath& path, ConstraintViolations& out) {
  if (!value.IsNumber()) return;
  int64_t number = integer_of(value);
  if (c.unshown && (number < c.min || number > c.max)) {
    out.add_unshown(path.framework_text(),
                    number < c.min ? "Member must have value greater than or equal to " + std::to_string(c.min)
                                   : "Member must have value less than or equal to " + std::to_string(c.max));
    return;
  }
  if (number < c.min) {
    out.add(path.text(), std::to_string(number),
            "Member must have value greater than or equal to " + std::to_string(c.min));
  } else if (number > c.max) {
    out.add(path.text(), std::to_string(number),
            "Member must have value less than or equal to " + std::to_string(c.max));
  }
}

void check_enum(const Constraint& c, const JsonValue& value, const MemberPath& path, ConstraintViolations& out) {
  if (!value.IsString()) return;
  std::string_view text(value.GetString(), value.GetStringLength());
  if (std::find(c.values.begin(), c.values.end(), text) != c.values.end()) return;
  std::string set = "[";
  for (std::size_t i = 0; i < c.values.size(); ++i) {
    if (i != 0) set += ", ";
    set += c.values[i];
  }
  out.add(path.text(), std::string(text), "Member must satisfy enum value set: " + set + "]");
}

void check_name(const JsonValue& value, const MemberPath& path, ConstraintViolations& out) {
  if (!value.IsString()) return;
  std::string_view text(value.GetString(), value.GetStringLength());
  if (!text.empty() && !matches_name_pattern(text)) {
    out.add(path.text(), std::string(text),
            "Member must satisfy regular expression pattern: " + std::string(kNamePattern));
  }
  if (text.size() < 3) out.add(path.text(), std::string(text), "Member must have length greater than or equal to 3");
  if (text.size() > 255) out.add(path.text(), std::string(text), "Member must have length less than or equal to 255");
}

void check_map_keys(const JsonValue& value, const MemberPath& path, std::string_view type, ConstraintViolations& out) {
  if (!value.IsObject()) return;
  for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
    if (valid_table_name(std::string_view(it->name.GetString(), it->name.GetStringLength()))) continue;
    out.add(path.text(), java_text(value, type),
            "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
            "Member must have length greater than or equal to 3, "
            "Member must satisfy regular expression pattern: " +
                std::string(kNamePattern) + "]");
    return;
  }
}

void check_map_values(const Constraint& c, const JsonValue& value, const MemberPath& path, std::string_view type,
                      ConstraintViolations& out) {
  if (!value.IsObject()) return;
  for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
    auto size = static_cast<int64_t>(length_of(it->value));
    if (size >= c.min && size <= c.max) continue;
    out.add(path.text(), java_text(value, type),
            "Map value must satisfy constraint: [Member must have length less than or equal to " +
                std::to_string(c.max) + ", Member must have length greater than or equal to " + std::to_string(c.min) +
                "]");
    return;
  }
}

}  // namespace

void check(const Constraint& constraint, const JsonValue* value, const MemberPath& path, std::string_view type,
           ConstraintViolations& violations) {
  if (constraint.kind == Constraint::Kind::kRequiredParameter) {
    if (value != nullptr) return;  // the path's text is built only for a message
    std::string member = path.text();
    if (!member.empty()) member[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(member[0])));
    if (value == nullptr)
      violations.missing("The parameter '" + member + "' is required but was not present in the request");
    return;
  }
  if (constraint.kind == Constraint::Kind::kRequiredMap) {
    if (value == nullptr || (value->IsObject() && value->MemberCount() == 0)) {
      violations.missing("The " + path.text() + " parameter is required for " + std::string(constraint.operation));
    }
    return;
  }
  if (constraint.kind == Constraint::Kind::kRequired) {
    if (value == nullptr) violations.add(path.text(), std::nullopt, "Member must not be null");
    return;
  }
  if (value == nullptr && constraint.absent_is_empty) {
    if (constraint.min > 0) {
      violations.add(path.text(), std::string(),
                     "Member must have length greater than or equal to " + std::to_string(constraint.min));
    }
    return;
  }
  if (value == nullptr) return;
  switch (constraint.kind) {
    case Constraint::Kind::kRequired:
    case Constraint::Kind::kRequiredParameter:
    case Constraint::Kind::kRequiredMap: return;
    case Constraint::Kind::kLength: return check_length(constraint, *value, path, type, violations);
    case Constraint::Kind::kRange: return check_range(constraint, *value, path, violations);
    case Constraint::Kind::kEnum: return check_enum(constraint, *value, path, violations);
    case Constraint::Kind::kName: return check_name(*value, path, violations);
    case Constraint::Kind::kMapKeysNames: return check_map_keys(*value, path, type, violations);
    case Constraint::Kind::kMapValuesLength: return check_map_values(constraint, *value, path, type, violations);
  }
}

}  // namespace eddy::protocol
