// Typed reading of members' JSON values; see json_reading.h.
#include "protocol/json_reading.h"

#include "model/result.h"
#include "protocol/attribute_value_json.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kModelPackage = "com.amazonaws.dynamodb.v20120810.";

// What DynamoDB's deserializer answers for a scalar where a list or map held in another collection
// was expected: its Java cast failure, word for word.
constexpr std::string_view kParameterizedCast =
    "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class "
    "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of "
    "loader 'bootstrap')";

const char* token_of(const JsonValue& value) {
  if (value.IsString()) return "STRING_VALUE";
  if (value.IsBool()) return value.GetBool() ? "TRUE_VALUE" : "FALSE_VALUE";
  if (value.IsInt64() || value.IsUint64()) return "NUMBER_VALUE";
  if (value.IsNumber()) return "DECIMAL_VALUE";
  return "VALUE_NULL";
}

std::string string_of(const JsonValue& value) { return std::string(value.GetString(), value.GetStringLength()); }

ApiError structure_not_expected() {
  return ApiError::serialization("Start of structure or map found where not expected");
}

// "com.amazonaws.dynamodb.v20120810.AttributeValue", or a Java class as given ("java.lang.String").
std::string java_class(std::string_view type_name) {
  if (type_name.find('.') != std::string_view::npos) return std::string(type_name);
  return std::string(kModelPackage) + std::string(type_name);
}

ApiError map_not_a_list(std::string_view value_type) {
  return ApiError::serialization("Unrecognized collection type java.util.Map<java.lang.String, " +
                                 java_class(value_type) + ">");
}

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

ApiError wrong_scalar_type(const JsonValue& value, const char* target) {
  if (value.IsObject()) return structure_not_expected();
  if (value.IsArray())
    return ApiError::serialization(std::string("Unrecognized collection type class java.lang.") + target);
  // A Boolean is read from the parser's token stream, where a string is no token it can take.
  if (value.IsString() && std::string_view(target) == "Boolean") {
    return ApiError::serialization("Unexpected token received from parser");
  }
  return ApiError::serialization(std::string(token_of(value)) + " cannot be converted to " + target);
}

Result<void> expect_structure(const JsonValue& value, std::string_view type_name, Position position) {
  if (value.IsObject()) return {};
  if (value.IsArray()) {
    return fail(ApiError::serialization("Unrecognized collection type class " + java_class(type_name)));
  }
  return fail(ApiError::serialization(position == Position::kMember ? "Unexpected field type"
                                                                    : "Unexpected value type in payload"));
}

Result<void> expect_list(const JsonValue& value) {
  if (value.IsArray()) return {};
  if (value.IsObject()) return fail(structure_not_expected());
  return fail(ApiError::serialization("Unexpected field type"));
}

Result<void> expect_map(const JsonValue& value, std::string_view value_type) {
  if (value.IsObject()) return {};
  if (value.IsArray()) return fail(map_not_a_list(value_type));
  return fail(ApiError::serialization("Unexpected field type"));
}

Result<void> expect_list_in_map(const JsonValue& value) {
  if (value.IsArray()) return {};
  if (value.IsObject()) return fail(structure_not_expected());
  return fail(ApiError::serialization(std::string(kParameterizedCast)));
}

Result<void> expect_map_in_list(const JsonValue& value, std::string_view value_type) {
  if (value.IsObject()) return {};
  if (value.IsArray()) return fail(map_not_a_list(value_type));
  return fail(ApiError::serialization(std::string(kParameterizedCast)));
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

namespace {

Result<void> read_integer(const JsonValue* value, const char* target, int64_t& out) {
  if (value == nullptr) return {};
  if (!value->IsNumber()) return fail(wrong_scalar_type(*value, target));
  out = integer_of(*value);
  return {};
}

}  // namespace

Result<void> read_value(const JsonValue* value, int64_t& out) { return read_integer(value, "Integer", out); }

Result<void> read_value(const JsonValue* value, std::optional<int64_t>& out) {
  if (value == nullptr) return {};
  int64_t number = 0;
  EDDY_TRY_VOID(read_integer(value, "Integer", number));
  out = number;
  return {};
}

Result<void> read_long(const JsonValue* value, int64_t& out) { return read_integer(value, "Long", out); }

Result<void> read_long(const JsonValue* value, std::optional<int64_t>& out) {
  if (value == nullptr) return {};
  int64_t number = 0;
  EDDY_TRY_VOID(read_integer(value, "Long", number));
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
  EDDY_TRY_VOID(expect_list(*value));
  out.clear();
  for (const auto& element : value->GetArray()) {
    EDDY_TRY_VOID(expect_string(element));
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
  EDDY_TRY_VOID(expect_map(*value, "java.lang.String"));
  out.clear();
  for (const auto& entry : value->GetObject()) {
    EDDY_TRY_VOID(expect_string(entry.value));
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
  EDDY_TRY_VOID(expect_map(*value, "AttributeValue"));
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
