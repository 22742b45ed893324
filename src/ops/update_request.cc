// Reading and checking UpdateItem requests; see update_request.h.
#include "ops/update_request.h"

#include "ops/expression_parameters.h"
#include "ops/item_validation.h"
#include "protocol/legacy_parameters.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

const ExpressionMembers kMembers{{"UpdateExpression", "ConditionExpression"},
                                 {"AttributeUpdates", "Expected", "ConditionalOperator"}};

bool empty_scalar(const AttributeValue& value) {
  return (value.type == AttributeType::kS || value.type == AttributeType::kB) && value.scalar.empty();
}

Result<void> check_index_values(const SecondaryIndex& index, const Item& item) {
  for (const auto* elements : {&index.key.hash, &index.key.range}) {
    for (const auto& element : *elements) {
      auto it = item.find(element.name);
      if (it == item.end() || it->second.type != element.type || !empty_scalar(it->second)) continue;
      return validation_error(std::string("One or more parameter values are not valid. The update expression "
                                          "attempted to update a secondary index key to a value that is not "
                                          "supported. The AttributeValue for a key attribute cannot contain an "
                                          "empty ") +
                              (element.type == AttributeType::kS ? "string" : "binary") +
                              " value. IndexName: " + index.name + ", IndexKey: " + element.name);
    }
  }
  return {};
}

// The update: UpdateExpression resolved with the shared placeholders, or AttributeUpdates (whose
// key attributes are refused later, once the table is known).
Result<expr::Update> read_update(const JsonValue& request, expr::ExpressionAttributes& attributes) {
  auto text = read_string(request, "UpdateExpression");
  if (!text) return fail(text.error());
  if (*text) return expr::parse_update(**text, attributes, {});
  return legacy_attribute_updates(request, {});
}

}  // namespace

Result<UpdateItemRequest> read_update_item_request(const JsonValue& request) {
  ConstraintViolations violations;
  UpdateItemRequest parsed;
  auto common = read_common_item_request(request, violations);
  if (!common) return fail(common.error());
  auto key = read_attribute_map(request, "Key");
  if (!key) return fail(key.error());
  violations.not_null("key", key->has_value());
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  parsed.common = std::move(*common);
  parsed.key = std::move(**key);
  if (auto used = check_expression_use(request, kMembers); !used) return fail(used.error());
  // The legacy members' own checks come before the placeholders' (only one style can be present).
  auto parameters = ExpressionParameters::read(request);
  if (!parameters) return fail(parameters.error());
  auto update = read_update(request, parameters->attributes());
  if (!update) return fail(update.error());
  parsed.update = std::move(*update);
  auto condition = WriteCondition::parse(request, parameters->attributes());
  if (!condition) return fail(condition.error());
  parsed.condition = std::move(*condition);
  if (auto all_used = parameters->check_all_used(); !all_used) return fail(all_used.error());
  return parsed;
}

Result<void> check_key_attributes_not_updated(const TableDefinition& table, const expr::Update& update) {
  for (const expr::DocumentPath& path : update.updated_paths()) {
    if (table.key.contains(path[0].name)) {
      return validation_error("One or more parameter values were invalid: Cannot update attribute " + path[0].name +
                              ". This attribute is part of the key");
    }
  }
  return {};
}

Result<void> validate_updated_item(const TableDefinition& table, const Item& item) {
  for (const auto& index : table.local_indexes) {
    if (auto checked = check_index_values(index, item); !checked) return checked;
  }
  for (const auto& index : table.global_indexes) {
    if (auto checked = check_index_values(index, item); !checked) return checked;
  }
  if (item_size(item) > kMaxItemBytes) {
    return validation_error("Item size to update has exceeded the maximum allowed size");
  }
  return validate_item(table, item);
}

}  // namespace eddy::ops
