// Key schemas and attribute definitions; see key_schema.h.
#include "protocol/requests/key_schema.h"

#include <algorithm>

#include "model/errors.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kKeyTypes[] = {"HASH", "RANGE"};
constexpr std::string_view kAttributeTypes[] = {"B", "N", "S"};

AttributeType scalar_type(const std::string& name) {
  if (name == "N") return AttributeType::kN;
  if (name == "B") return AttributeType::kB;
  return AttributeType::kS;
}

std::string defined_names(const std::vector<KeyElement>& definitions) {
  std::string names;
  for (const auto& d : definitions) names += (names.empty() ? "" : ", ") + d.name;
  return names;
}

Result<void> check_order(const std::vector<KeySchemaElement>& elements, bool multi_attribute_allowed) {
  if (elements.empty() || elements.front().key_type != "HASH") return fail(errors::first_key_not_hash());
  if (!multi_attribute_allowed && elements.size() == 2) {
    if (elements[1].key_type != "RANGE") return fail(errors::second_key_not_range());
    if (elements[0].attribute_name == elements[1].attribute_name) return fail(errors::hash_and_range_same_name());
  }
  return {};
}

}  // namespace

const Shape<KeySchemaElement>& key_schema_element_shape() {
  using R = KeySchemaElement;
  static const Shape<R> shape{"KeySchemaElement",
                              {
                                  member("AttributeName", &R::attribute_name, {required(), length(1, 255)}),
                                  member("KeyType", &R::key_type, {required(), one_of(kKeyTypes)}),
                              }};
  return shape;
}

const Shape<AttributeDefinition>& attribute_definition_shape() {
  using R = AttributeDefinition;
  static const Shape<R> shape{"AttributeDefinition",
                              {
                                  member("AttributeName", &R::attribute_name, {required(), length(1, 255)}),
                                  member("AttributeType", &R::attribute_type, {required(), one_of(kAttributeTypes)}),
                              }};
  return shape;
}

std::vector<KeyElement> key_elements(const std::vector<AttributeDefinition>& definitions) {
  std::vector<KeyElement> elements;
  elements.reserve(definitions.size());
  for (const auto& definition : definitions) {
    elements.push_back({definition.attribute_name, scalar_type(definition.attribute_type)});
  }
  return elements;
}

Result<KeySchema> resolve_key_schema(const std::vector<KeySchemaElement>& elements,
                                     const std::vector<KeyElement>& definitions, bool multi_attribute_allowed) {
  EDDY_TRY_VOID(check_order(elements, multi_attribute_allowed));
  KeySchema schema;
  for (const auto& element : elements) {
    auto definition = std::find_if(definitions.begin(), definitions.end(),
                                   [&](const KeyElement& d) { return d.name == element.attribute_name; });
    if (definition == definitions.end()) {
      return fail(errors::invalid_parameter(
          "Some index key attributes are not defined in AttributeDefinitions. Keys: [" + element.attribute_name +
          "], AttributeDefinitions: [" + defined_names(definitions) + "]"));
    }
    if (element.key_type == "HASH") {
      if (!schema.sort_key.empty() || (!schema.partition_key.empty() && !multi_attribute_allowed)) {
        return fail(errors::second_key_not_range());
      }
      schema.partition_key.push_back(*definition);
    } else {
      if (schema.partition_key.empty()) return fail(errors::first_key_not_hash());
      if (!schema.sort_key.empty() && !multi_attribute_allowed) {
        return validation_error("Invalid KeySchema: Too many range keys");
      }
      schema.sort_key.push_back(*definition);
    }
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    for (std::size_t j = i + 1; j < elements.size(); ++j) {
      if (elements[i].attribute_name == elements[j].attribute_name) return fail(errors::hash_and_range_same_name());
    }
  }
  return schema;
}

}  // namespace eddy::protocol
