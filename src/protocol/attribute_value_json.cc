// DynamoDB's AttributeValue JSON codec: {"S": "..."}, {"N": "..."}, {"B": "<base64>"}, sets, maps,
// lists, NULL and BOOL, with DynamoDB's validation of each value as it is decoded.
#include "protocol/attribute_value_json.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "model/errors.h"
#include "model/number.h"
#include "model/result.h"
#include "protocol/attribute_value_types.h"
#include "protocol/base64.h"
#include "protocol/json_reading.h"

namespace eddy {
namespace {

// DynamoDB counts an item (or key) as one level and each map or list in it as one more, a value
// on its own (in ExpressionAttributeValues, say) from its own first map or list: 32 levels at most.
// Checked before each level is decoded, so decoding never recurses deeper than that.
constexpr int kMaxNestingLevels = 32;

Result<AttributeValue> decode_value(const JsonValue& json, int levels_above);
Result<AttributeMap> decode_map(const JsonValue& json, int level);

tl::unexpected<ApiError> too_deep() {
  return validation_error(
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported "
      "limit");
}

struct TypeTag {
  const char* name;
  AttributeType type;
};
constexpr TypeTag kTags[] = {
    {"S", AttributeType::kS},       {"N", AttributeType::kN},   {"B", AttributeType::kB},
    {"SS", AttributeType::kSS},     {"NS", AttributeType::kNS}, {"BS", AttributeType::kBS},
    {"M", AttributeType::kM},       {"L", AttributeType::kL},   {"NULL", AttributeType::kNull},
    {"BOOL", AttributeType::kBool},
};

// The JSON types were checked before decoding (protocol/attribute_value_types.h); this answers only
// what that walk leaves alone (a null inside a set).
tl::unexpected<ApiError> wrong_json_type(const char* expected) {
  return fail(ApiError::serialization(std::string("Unexpected value type in payload; expected ") + expected));
}

Result<std::string> decode_number_text(const JsonValue& json) {
  if (!json.IsString()) return wrong_json_type("a string");
  EDDY_TRY(Number number, Number::parse(std::string_view(json.GetString(), json.GetStringLength())));
  return number.to_string();
}

Result<std::string> decode_binary(const JsonValue& json) {
  if (!json.IsString()) return wrong_json_type("a string");
  auto bytes = base64_decode(std::string_view(json.GetString(), json.GetStringLength()));
  if (!bytes)
    return fail(ApiError::serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " +
                                        std::to_string(json.GetStringLength())));
  return std::move(*bytes);
}

const char* set_word(AttributeType type) {
  switch (type) {
    case AttributeType::kSS: return "string";
    case AttributeType::kNS: return "number";
    default: return "binary";
  }
}

Result<std::string> decode_set_member(AttributeType type, const JsonValue& member) {
  if (type == AttributeType::kNS) return decode_number_text(member);
  if (type == AttributeType::kBS) return decode_binary(member);
  if (!member.IsString()) return wrong_json_type("a string");
  return std::string(member.GetString(), member.GetStringLength());
}

Result<AttributeValue> decode_set(AttributeType type, const JsonValue& json) {
  if (!json.IsArray()) return wrong_json_type("an array");
  AttributeValue value;
  value.type = type;
  if (json.Empty()) {
    if (type == AttributeType::kBS) return fail(errors::invalid_parameter("Binary sets should not be empty"));
    return fail(errors::invalid_parameter(std::string("An ") + set_word(type) + " set  may not be empty"));
  }
  value.set.reserve(json.Size());
  for (const auto& member : json.GetArray()) {
    EDDY_TRY(std::string text, decode_set_member(type, member));
    value.set.push_back(std::move(text));
  }
  std::vector<std::string> sorted = value.set;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    // DynamoDB's three texts differ by set type (recorded against DynamoDB).
    if (type == AttributeType::kNS) return validation_error("Input collection contains duplicates");
    std::string listing;
    for (const auto& member : json.GetArray()) {
      if (!listing.empty()) listing += ", ";
      listing += member.IsString() ? std::string(member.GetString(), member.GetStringLength()) : "?";
    }
    return fail(errors::invalid_parameter(
        "Input collection [" + listing + "]" +
        (type == AttributeType::kBS ? "of type BS contains duplicates." : " contains duplicates.")));
  }
  return value;
}

Result<AttributeValue> decode_typed(AttributeType type, const JsonValue& json, int levels_above) {
  if ((type == AttributeType::kM || type == AttributeType::kL) && levels_above + 1 > kMaxNestingLevels) {
    return too_deep();
  }
  AttributeValue value;
  value.type = type;
  switch (type) {
    case AttributeType::kS:
      if (!json.IsString()) return wrong_json_type("a string");
      value.scalar.assign(json.GetString(), json.GetStringLength());
      return value;
    case AttributeType::kN: {
      EDDY_TRY(value.scalar, decode_number_text(json));
      return value;
    }
    case AttributeType::kB: {
      EDDY_TRY(value.scalar, decode_binary(json));
      return value;
    }
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS: return decode_set(type, json);
    case AttributeType::kM: {
      EDDY_TRY(value.map, decode_map(json, levels_above + 1));
      return value;
    }
    case AttributeType::kL: {
      if (!json.IsArray()) return wrong_json_type("an array");
      value.list.reserve(json.Size());
      for (const auto& element : json.GetArray()) {
        EDDY_TRY(AttributeValue decoded, decode_value(element, levels_above + 1));
        value.list.push_back(std::move(decoded));
      }
      return value;
    }
    case AttributeType::kNull:
      if (!json.IsBool()) return wrong_json_type("a boolean");
      if (!json.GetBool()) {
        return fail(errors::invalid_parameter("Null attribute value types must have the value of true"));
      }
      value.boolean = true;
      return value;
    case AttributeType::kBool:
      if (!json.IsBool()) return wrong_json_type("a boolean");
      value.boolean = json.GetBool();
      return value;
  }
  return fail(ApiError::internal("unknown attribute type"));
}

void encode_binary(JsonWriter& writer, const std::string& bytes) {
  std::string encoded = base64_encode(bytes);
  writer.String(encoded.data(), static_cast<rapidjson::SizeType>(encoded.size()));
}

Result<AttributeValue> decode_value(const JsonValue& json, int levels_above) {
  if (!json.IsObject()) return wrong_json_type("an object");
  const TypeTag* found = nullptr;
  const JsonValue* payload = nullptr;
  for (const auto& member : json.GetObject()) {
    for (const auto& tag : kTags) {
      if (member.name.GetStringLength() == std::strlen(tag.name) &&
          std::strcmp(member.name.GetString(), tag.name) == 0) {
        if (member.value.IsNull()) break;  // an explicit null is the same as absent
        if (found != nullptr) {
          return validation_error(
              "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
              "datatypes");
        }
        found = &tag;
        payload = &member.value;
      }
    }
  }
  if (found == nullptr) {
    return validation_error("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  }
  return decode_typed(found->type, *payload, levels_above);
}

// A map whose own level is `level`.
Result<AttributeMap> decode_map(const JsonValue& json, int level) {
  if (!json.IsObject()) return wrong_json_type("an object");
  AttributeMap map;
  for (const auto& member : json.GetObject()) {
    EDDY_TRY(AttributeValue value, decode_value(member.value, level));
    map.insert_or_assign(std::string(member.name.GetString(), member.name.GetStringLength()), std::move(value));
  }
  return map;
}

}  // namespace

// The JSON types of the whole value first, as DynamoDB deserializes before it validates.
Result<AttributeValue> decode_attribute_value(const JsonValue& json) {
  EDDY_TRY_VOID(protocol::check_attribute_value_types(json));
  return decode_value(json, 0);
}

Result<AttributeMap> decode_attribute_map(const JsonValue& json) {
  EDDY_TRY_VOID(protocol::expect_map(json, "AttributeValue"));
  EDDY_TRY_VOID(protocol::check_attribute_map_types(json));
  return decode_map(json, 1);
}

void encode_attribute_value(JsonWriter& writer, const AttributeValue& value) {
  writer.StartObject();
  writer.Key(type_name(value.type));
  switch (value.type) {
    case AttributeType::kS:
    case AttributeType::kN:
      writer.String(value.scalar.data(), static_cast<rapidjson::SizeType>(value.scalar.size()));
      break;
    case AttributeType::kB: encode_binary(writer, value.scalar); break;
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS:
      writer.StartArray();
      for (const auto& member : value.set) {
        if (value.type == AttributeType::kBS) {
          encode_binary(writer, member);
        } else {
          writer.String(member.data(), static_cast<rapidjson::SizeType>(member.size()));
        }
      }
      writer.EndArray();
      break;
    case AttributeType::kM: encode_attribute_map(writer, value.map); break;
    case AttributeType::kL:
      writer.StartArray();
      for (const auto& element : value.list) encode_attribute_value(writer, element);
      writer.EndArray();
      break;
    case AttributeType::kNull: writer.Bool(true); break;
    case AttributeType::kBool: writer.Bool(value.boolean); break;
  }
  writer.EndObject();
}

void encode_attribute_map(JsonWriter& writer, const AttributeMap& map) {
  writer.StartObject();
  for (const auto& [name, value] : map) {
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    encode_attribute_value(writer, value);
  }
  writer.EndObject();
}

std::string attribute_map_to_json(const AttributeMap& map) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  encode_attribute_map(writer, map);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy
