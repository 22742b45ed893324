// The JSON types inside AttributeValues; see attribute_value_types.h.
#include "protocol/attribute_value_types.h"

#include <string>
#include <string_view>

#include "protocol/base64.h"
#include "protocol/json_reading.h"

namespace eddy::protocol {
namespace {

// Deeper values than DynamoDB's 32 levels are refused by decoding ("Nesting Levels have exceeded
// supported limits"); the walk stops there, so it never recurses deeper than that either.
constexpr int kMaxLevels = 33;

Result<void> check_value(const JsonValue& value, int level);

Result<void> check_blob(const JsonValue& value) {
  if (value.IsObject()) return fail(ApiError::serialization("Start of structure or map found where not expected"));
  if (value.IsArray()) return fail(ApiError::serialization("Unrecognized collection type class java.nio.ByteBuffer"));
  if (!value.IsString()) return fail(ApiError::serialization("only base-64-encoded strings are convertible to bytes"));
  std::string_view text(value.GetString(), value.GetStringLength());
  if (text.size() % 4 != 0) {
    return fail(ApiError::serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " +
                                        std::to_string(text.size())));
  }
  // DynamoDB's own spelling.
  if (!base64_decode(text)) return fail(ApiError::serialization("Invalid last non-pad Base64 character dectected"));
  return {};
}

Result<void> check_string(const JsonValue& value) {
  if (!value.IsString()) return fail(wrong_scalar_type(value, "String"));
  return {};
}

Result<void> check_set(const JsonValue& value, bool binary) {
  EDDY_TRY_VOID(expect_list(value));
  for (const auto& element : value.GetArray()) {
    if (element.IsNull()) continue;
    EDDY_TRY_VOID(binary ? check_blob(element) : check_string(element));
  }
  return {};
}

Result<void> check_member(std::string_view name, const JsonValue& payload, int level) {
  if (name == "S" || name == "N") return check_string(payload);
  if (name == "B") return check_blob(payload);
  if (name == "BOOL" || name == "NULL") {
    if (!payload.IsBool()) return fail(wrong_scalar_type(payload, "Boolean"));
    return {};
  }
  if (name == "SS" || name == "NS") return check_set(payload, false);
  if (name == "BS") return check_set(payload, true);
  if (level >= kMaxLevels) return {};
  if (name == "L") {
    EDDY_TRY_VOID(expect_list(payload));
    for (const auto& element : payload.GetArray()) {
      if (!element.IsNull()) EDDY_TRY_VOID(check_value(element, level + 1));
    }
    return {};
  }
  if (name == "M") {
    EDDY_TRY_VOID(expect_map(payload, "AttributeValue"));
    for (const auto& entry : payload.GetObject()) {
      if (!entry.value.IsNull()) EDDY_TRY_VOID(check_value(entry.value, level + 1));
    }
  }
  return {};  // a member DynamoDB does not know is ignored
}

Result<void> check_value(const JsonValue& value, int level) {
  EDDY_TRY_VOID(expect_structure(value, "AttributeValue", Position::kValue));
  for (const auto& member : value.GetObject()) {
    if (member.value.IsNull()) continue;
    EDDY_TRY_VOID(
        check_member(std::string_view(member.name.GetString(), member.name.GetStringLength()), member.value, level));
  }
  return {};
}

}  // namespace

Result<void> check_attribute_value_types(const JsonValue& value) { return check_value(value, 0); }

Result<void> check_attribute_map_types(const JsonValue& map) {
  for (const auto& entry : map.GetObject()) {
    if (!entry.value.IsNull()) EDDY_TRY_VOID(check_value(entry.value, 1));
  }
  return {};
}

}  // namespace eddy::protocol
