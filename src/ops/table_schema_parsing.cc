// Schema parts of table requests; see table_schema_parsing.h.
#include "ops/table_schema_parsing.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

std::optional<AttributeType> scalar_type(const std::string& name) {
  if (name == "S") return AttributeType::kS;
  if (name == "N") return AttributeType::kN;
  if (name == "B") return AttributeType::kB;
  return std::nullopt;
}

}  // namespace

Result<std::optional<KeySchemaInput>> read_key_schema(const JsonValue& object, const char* name, std::string_view path,
                                                      ConstraintViolations& violations) {
  auto array = read_array(object, name);
  if (!array) return fail(array.error());
  if (*array == nullptr) return std::optional<KeySchemaInput>();
  KeySchemaInput input;
  std::size_t position = 0;
  for (const auto& element : (*array)->GetArray()) {
    ++position;
    if (!element.IsObject()) return fail(wrong_type(name, element));
    auto attribute = read_string(element, "AttributeName");
    if (!attribute) return fail(attribute.error());
    auto key_type = read_string(element, "KeyType");
    if (!key_type) return fail(key_type.error());
    std::string prefix = std::string(path) + "." + std::to_string(position) + ".member.";
    violations.not_null(prefix + "attributeName", attribute->has_value());
    violations.length(prefix + "attributeName", *attribute, 1, 255);
    violations.not_null(prefix + "keyType", key_type->has_value());
    violations.enum_value(prefix + "keyType", *key_type, {"HASH", "RANGE"});
    input.elements.emplace_back(attribute->value_or(""), key_type->value_or(""));
  }
  return std::optional<KeySchemaInput>(std::move(input));
}

Result<std::optional<std::vector<KeyElement>>> read_attribute_definitions(const JsonValue& object,
                                                                          ConstraintViolations& violations) {
  auto array = read_array(object, "AttributeDefinitions");
  if (!array) return fail(array.error());
  if (*array == nullptr) return std::optional<std::vector<KeyElement>>();
  std::vector<KeyElement> definitions;
  std::size_t position = 0;
  for (const auto& element : (*array)->GetArray()) {
    ++position;
    if (!element.IsObject()) return fail(wrong_type("AttributeDefinitions", element));
    auto attribute = read_string(element, "AttributeName");
    if (!attribute) return fail(attribute.error());
    auto type = read_string(element, "AttributeType");
    if (!type) return fail(type.error());
    std::string prefix = "attributeDefinitions." + std::to_string(position) + ".member.";
    violations.not_null(prefix + "attributeName", attribute->has_value());
    violations.length(prefix + "attributeName", *attribute, 1, 255);
    violations.not_null(prefix + "attributeType", type->has_value());
    violations.enum_value(prefix + "attributeType", *type, {"B", "N", "S"});
    auto scalar = scalar_type(type->value_or(""));
    definitions.push_back({attribute->value_or(""), scalar.value_or(AttributeType::kS)});
  }
  return std::optional<std::vector<KeyElement>>(std::move(definitions));
}

Result<std::optional<ProvisionedThroughput>> read_throughput(const JsonValue& object, const char* name,
                                                             std::string_view path, ConstraintViolations& violations) {
  auto value = read_object(object, name);
  if (!value) return fail(value.error());
  if (*value == nullptr) return std::optional<ProvisionedThroughput>();
  auto read = read_integer(**value, "ReadCapacityUnits");
  if (!read) return fail(read.error());
  auto write = read_integer(**value, "WriteCapacityUnits");
  if (!write) return fail(write.error());
  std::string base(path);
  violations.not_null(base + ".readCapacityUnits", read->has_value());
  violations.integer_range(base + ".readCapacityUnits", *read, 1, INT64_MAX);
  violations.not_null(base + ".writeCapacityUnits", write->has_value());
  violations.integer_range(base + ".writeCapacityUnits", *write, 1, INT64_MAX);
  ProvisionedThroughput throughput;
  throughput.read_capacity_units = read->value_or(0);
  throughput.write_capacity_units = write->value_or(0);
  return std::optional<ProvisionedThroughput>(throughput);
}

Result<KeySchema> resolve_key_schema(const KeySchemaInput& input, const std::vector<KeyElement>& definitions,
                                     bool multi_attribute_allowed) {
  KeySchema schema;
  if (input.elements.empty() || input.elements.front().second != "HASH") {
    return validation_error("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }
  if (!multi_attribute_allowed && input.elements.size() == 2) {
    if (input.elements[1].second != "RANGE") {
      return validation_error("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    if (input.elements[0].first == input.elements[1].first) {
      return validation_error("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
  }
  for (std::size_t i = 0; i < input.elements.size(); ++i) {
    const auto& [name, key_type] = input.elements[i];
    auto definition = std::find_if(definitions.begin(), definitions.end(),
                                   [&](const KeyElement& d) { return d.name == name; });
    if (definition == definitions.end()) {
      return validation_error(std::string(kInvalid) +
                              "Some index key attributes are not defined in AttributeDefinitions. Keys: [" + name +
                              "], AttributeDefinitions: [" +
                              [&] {
                                std::string names;
                                for (const auto& d : definitions) names += (names.empty() ? "" : ", ") + d.name;
                                return names;
                              }() + "]");
    }
    if (key_type == "HASH") {
      if (!schema.range.empty() || (!schema.hash.empty() && !multi_attribute_allowed)) {
        return validation_error("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      schema.hash.push_back(*definition);
    } else {
      if (schema.hash.empty()) {
        return validation_error("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
      }
      if (!schema.range.empty() && !multi_attribute_allowed) {
        return validation_error("Invalid KeySchema: Too many range keys");
      }
      schema.range.push_back(*definition);
    }
  }
  for (std::size_t i = 0; i < input.elements.size(); ++i) {
    for (std::size_t j = i + 1; j < input.elements.size(); ++j) {
      if (input.elements[i].first == input.elements[j].first) {
        return validation_error("Both the Hash Key and the Range Key element in the KeySchema have the same name");
      }
    }
  }
  return schema;
}

Result<std::optional<StreamSettings>> read_stream_specification(const JsonValue& object,
                                                                ConstraintViolations& violations) {
  auto value = read_object(object, "StreamSpecification");
  if (!value) return fail(value.error());
  if (*value == nullptr) return std::optional<StreamSettings>();
  auto enabled = read_bool(**value, "StreamEnabled");
  if (!enabled) return fail(enabled.error());
  auto view_type = read_string(**value, "StreamViewType");
  if (!view_type) return fail(view_type.error());
  violations.not_null("streamSpecification.streamEnabled", enabled->has_value());
  violations.enum_value("streamSpecification.streamViewType", *view_type,
                        {"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"});
  StreamSettings settings;
  settings.enabled = enabled->value_or(false);
  settings.view_type = view_type->value_or("");
  return std::optional<StreamSettings>(settings);
}

Result<std::optional<SseDescription>> read_sse_specification(const JsonValue& object) {
  auto value = read_object(object, "SSESpecification");
  if (!value) return fail(value.error());
  if (*value == nullptr) return std::optional<SseDescription>();
  auto enabled = read_bool(**value, "Enabled");
  if (!enabled) return fail(enabled.error());
  auto type = read_string(**value, "SSEType");
  if (!type) return fail(type.error());
  auto key = read_string(**value, "KMSMasterKeyId");
  if (!key) return fail(key.error());
  SseDescription sse;
  sse.enabled = enabled->value_or(false);
  sse.sse_type = type->value_or(sse.enabled ? "KMS" : "");
  sse.kms_master_key_id = key->value_or("");
  return std::optional<SseDescription>(sse);
}

Result<std::optional<std::vector<Tag>>> read_tags(const JsonValue& object, ConstraintViolations& violations) {
  auto array = read_array(object, "Tags");
  if (!array) return fail(array.error());
  if (*array == nullptr) return std::optional<std::vector<Tag>>();
  std::vector<Tag> tags;
  for (const auto& element : (*array)->GetArray()) {
    if (!element.IsObject()) return fail(wrong_type("Tags", element));
    auto key = read_string(element, "Key");
    if (!key) return fail(key.error());
    auto value = read_string(element, "Value");
    if (!value) return fail(value.error());
    tags.push_back({key->value_or(""), value->value_or("")});
  }
  return std::optional<std::vector<Tag>>(std::move(tags));
}

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

std::string random_uuid() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uuid = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
  for (auto& c : uuid) {
    if (c == 'x') c = kHex[random() % 16];
    if (c == 'y') c = kHex[8 + random() % 4];
  }
  return uuid;
}

}  // namespace eddy::ops
