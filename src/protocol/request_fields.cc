// Typed request members and constraint violations; see request_fields.h.
#include "protocol/request_fields.h"

#include "protocol/attribute_value_json.h"

namespace eddy {
namespace {

const char* json_kind(const JsonValue& value) {
  if (value.IsString()) return "STRING_VALUE";
  if (value.IsNumber()) return "NUMBER_VALUE";
  if (value.IsBool()) return value.GetBool() ? "TRUE_VALUE" : "FALSE_VALUE";
  if (value.IsArray()) return "START_ARRAY";
  if (value.IsObject()) return "START_OBJECT";
  return "VALUE_NULL";
}

bool valid_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

}  // namespace

const JsonValue* member(const JsonValue& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

ApiError wrong_type(const char* name, const JsonValue& value) {
  // DynamoDB's deserializer texts: scalars name the target type, containers complain about shape.
  if (value.IsObject()) return ApiError::serialization("Start of structure or map found where not expected.");
  if (value.IsArray()) return ApiError::serialization("Start of list found where not expected");
  return ApiError::serialization("Unexpected field type");
}

ApiError wrong_scalar_type(const JsonValue& value, const char* target) {
  if (value.IsObject() || value.IsArray()) return wrong_type("", value);
  return ApiError::serialization(std::string(json_kind(value)) + " cannot be converted to " + target);
}

Result<std::optional<std::string>> read_string(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  if (value == nullptr) return std::optional<std::string>();
  if (!value->IsString()) return fail(wrong_scalar_type(*value, "String"));
  return std::optional<std::string>(std::string(value->GetString(), value->GetStringLength()));
}

Result<std::optional<int64_t>> read_integer(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  if (value == nullptr) return std::optional<int64_t>();
  if (value->IsInt64()) return std::optional<int64_t>(value->GetInt64());
  if (value->IsNumber()) return std::optional<int64_t>(static_cast<int64_t>(value->GetDouble()));
  return fail(wrong_scalar_type(*value, "Integer"));
}

Result<std::optional<bool>> read_bool(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  if (value == nullptr) return std::optional<bool>();
  if (!value->IsBool()) return fail(wrong_scalar_type(*value, "Boolean"));
  return std::optional<bool>(value->GetBool());
}

Result<const JsonValue*> read_object(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  if (value != nullptr && value->IsArray()) return fail(wrong_type(name, *value));
  if (value != nullptr && !value->IsObject()) return fail(ApiError::serialization("Unexpected field type"));
  return value;
}

Result<const JsonValue*> read_array(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  if (value != nullptr && !value->IsArray()) return fail(wrong_type(name, *value));
  return value;
}

Result<std::optional<std::map<std::string, std::string>>> read_string_map(const JsonValue& object, const char* name) {
  auto value = read_object(object, name);
  if (!value) return fail(value.error());
  if (*value == nullptr) return std::optional<std::map<std::string, std::string>>();
  std::map<std::string, std::string> out;
  for (const auto& entry : (*value)->GetObject()) {
    if (!entry.value.IsString()) return fail(wrong_type(name, entry.value));
    out.emplace(std::string(entry.name.GetString(), entry.name.GetStringLength()),
                std::string(entry.value.GetString(), entry.value.GetStringLength()));
  }
  return std::optional<std::map<std::string, std::string>>(std::move(out));
}

Result<std::optional<AttributeMap>> read_attribute_map(const JsonValue& object, const char* name) {
  auto value = read_object(object, name);
  if (!value) return fail(value.error());
  if (*value == nullptr) return std::optional<AttributeMap>();
  auto map = decode_attribute_map(**value);
  if (!map) return fail(map.error());
  return std::optional<AttributeMap>(std::move(*map));
}

Result<std::optional<std::vector<std::string>>> read_string_list(const JsonValue& object, const char* name) {
  auto value = read_array(object, name);
  if (!value) return fail(value.error());
  if (*value == nullptr) return std::optional<std::vector<std::string>>();
  std::vector<std::string> out;
  for (const auto& element : (*value)->GetArray()) {
    if (!element.IsString()) return fail(wrong_type(name, element));
    out.emplace_back(element.GetString(), element.GetStringLength());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

void ConstraintViolations::add(std::string_view path, const std::optional<std::string>& value,
                               std::string_view constraint) {
  std::string text = "Value ";
  text += value ? "'" + *value + "'" : std::string("null");
  text += " at '";
  text += path;
  text += "' failed to satisfy constraint: ";
  text += constraint;
  messages_.push_back(std::move(text));
}

void ConstraintViolations::not_null(std::string_view path, bool present) {
  if (!present) add(path, std::nullopt, "Member must not be null");
}

void ConstraintViolations::length(std::string_view path, const std::optional<std::string>& value, std::size_t min,
                                  std::size_t max) {
  if (!value) return;
  if (value->size() < min) {
    add(path, value, "Member must have length greater than or equal to " + std::to_string(min));
  } else if (value->size() > max) {
    add(path, value, "Member must have length less than or equal to " + std::to_string(max));
  }
}

void ConstraintViolations::enum_value(std::string_view path, const std::optional<std::string>& value,
                                      const std::vector<std::string_view>& allowed) {
  if (!value) return;
  for (auto candidate : allowed) {
    if (*value == candidate) return;
  }
  std::string set = "[";
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i != 0) set += ", ";
    set += allowed[i];
  }
  set += "]";
  add(path, value, "Member must satisfy enum value set: " + set);
}

void ConstraintViolations::table_name(std::string_view path, const std::optional<std::string>& value, bool required) {
  if (required) not_null(path, value.has_value());
  if (!value) return;
  bool pattern_ok = !value->empty();
  for (char c : *value) pattern_ok = pattern_ok && valid_name_char(c);
  if (!pattern_ok) add(path, value, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  // DynamoDB reports a table name of the wrong length on its own, after the constraint list.
  if (value->size() < 3 || value->size() > 255) {
    name_length_error_ = "TableName must be at least 3 characters long and at most 255 characters long";
  }
}

void ConstraintViolations::index_name(std::string_view path, const std::optional<std::string>& value, bool required) {
  table_name(path, value, required);
}

void ConstraintViolations::integer_range(std::string_view path, const std::optional<int64_t>& value, int64_t min,
                                         int64_t max) {
  if (!value) return;
  if (*value < min) {
    add(path, std::to_string(*value), "Member must have value greater than or equal to " + std::to_string(min));
  } else if (*value > max) {
    add(path, std::to_string(*value), "Member must have value less than or equal to " + std::to_string(max));
  }
}

Result<void> ConstraintViolations::result() const {
  if (messages_.empty() && !name_length_error_.empty()) return validation_error(name_length_error_);
  if (messages_.empty()) return {};
  std::string text = std::to_string(messages_.size()) +
                     (messages_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < messages_.size(); ++i) {
    if (i != 0) text += "; ";
    text += messages_[i];
  }
  return validation_error(std::move(text));
}

}  // namespace eddy
