// Typed reading of members' JSON values; see json_reading.h.
#include "protocol/json_reading.h"

#include "model/result.h"
#include "protocol/attribute_value_json.h"

namespace eddy::protocol {
namespace {

const char* json_kind(const JsonValue& value) {
  if (value.IsString()) return "STRING_VALUE";
  if (value.IsNumber()) return "NUMBER_VALUE";
  if (value.IsBool()) return value.GetBool() ? "TRUE_VALUE" : "FALSE_VALUE";
  if (value.IsArray()) return "START_ARRAY";
  if (value.IsObject()) return "START_OBJECT";
  return "VALUE_NULL";
}

std::string string_of(const JsonValue& value) { return std::string(value.GetString(), value.GetStringLength()); }

// The value where a string is expected.
Result<void> expect_string(const JsonValue& value) {
  if (!value.IsString()) return fail(wrong_scalar_type(value, "String"));
  return {};
}

}  // namespace

const JsonValue* json_member(const JsonValue& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

// DynamoDB's deserializer texts: containers complain about their shape, scalars about their field.
ApiError unexpected_type(const JsonValue& value) {
  if (value.IsObject()) return ApiError::serialization("Start of structure or map found where not expected.");
  if (value.IsArray()) return ApiError::serialization("Start of list found where not expected");
  return ApiError::serialization("Unexpected field type");
}

Result<void> expect_object(const JsonValue& value) {
  if (!value.IsObject()) return fail(unexpected_type(value));
  return {};
}

Result<void> expect_array(const JsonValue& value) {
  if (!value.IsArray()) return fail(unexpected_type(value));
  return {};
}

ApiError wrong_scalar_type(const JsonValue& value, const char* target) {
  if (value.IsObject() || value.IsArray()) return unexpected_type(value);
  return ApiError::serialization(std::string(json_kind(value)) + " cannot be converted to " + target);
}

int64_t integer_of(const JsonValue& value) {
  return value.IsInt64() ? value.GetInt64() : static_cast<int64_t>(value.GetDouble());
}

Result<void> read_value(const JsonValue* value, std::string& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_string(*value));
  out = string_of(*value);
  return {};
}

Result<void> read_value(const JsonValue* value, std::optional<std::string>& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_string(*value));
  out = string_of(*value);
  return {};
}

Result<void> read_value(const JsonValue* value, int64_t& out) {
  if (value == nullptr) return {};
  if (!value->IsNumber()) return fail(wrong_scalar_type(*value, "Integer"));
  out = integer_of(*value);
  return {};
}

Result<void> read_value(const JsonValue* value, std::optional<int64_t>& out) {
  if (value == nullptr) return {};
  int64_t number = 0;
  EDDY_TRY_VOID(read_value(value, number));
  out = number;
  return {};
}

Result<void> read_value(const JsonValue* value, bool& out) {
  if (value == nullptr) return {};
  if (!value->IsBool()) return fail(wrong_scalar_type(*value, "Boolean"));
  out = value->GetBool();
  return {};
}

Result<void> read_value(const JsonValue* value, std::optional<bool>& out) {
  if (value == nullptr) return {};
  bool flag = false;
  EDDY_TRY_VOID(read_value(value, flag));
  out = flag;
  return {};
}

Result<void> read_value(const JsonValue* value, std::vector<std::string>& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_array(*value));
  out.clear();
  for (const auto& element : value->GetArray()) {
    if (!element.IsString()) return fail(unexpected_type(element));
    out.push_back(string_of(element));
  }
  return {};
}

Result<void> read_value(const JsonValue* value, std::optional<std::vector<std::string>>& out) {
  if (value == nullptr) return {};
  std::vector<std::string> list;
  EDDY_TRY_VOID(read_value(value, list));
  out = std::move(list);
  return {};
}

Result<void> read_value(const JsonValue* value, std::map<std::string, std::string>& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_object(*value));
  out.clear();
  for (const auto& entry : value->GetObject()) {
    if (!entry.value.IsString()) return fail(unexpected_type(entry.value));
    out.emplace(string_of(entry.name), string_of(entry.value));
  }
  return {};
}

Result<void> read_value(const JsonValue* value, std::optional<std::map<std::string, std::string>>& out) {
  if (value == nullptr) return {};
  std::map<std::string, std::string> map;
  EDDY_TRY_VOID(read_value(value, map));
  out = std::move(map);
  return {};
}

Result<void> read_value(const JsonValue* value, AttributeMap& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_object(*value));
  EDDY_TRY(out, decode_attribute_map(*value));
  return {};
}

Result<void> read_value(const JsonValue* value, std::optional<AttributeMap>& out) {
  if (value == nullptr) return {};
  AttributeMap map;
  EDDY_TRY_VOID(read_value(value, map));
  out = std::move(map);
  return {};
}

}  // namespace eddy::protocol
