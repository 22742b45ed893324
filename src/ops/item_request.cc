// Shared single-item request members; see item_request.h.
#include "ops/item_request.h"

#include <algorithm>

#include "protocol/attribute_value_json.h"

namespace eddy::ops {

Result<CommonItemRequest> read_common_item_request(const JsonValue& request, ConstraintViolations& violations) {
  CommonItemRequest common;
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  auto return_values = read_string(request, "ReturnValues");
  if (!return_values) return fail(return_values.error());
  auto capacity = read_string(request, "ReturnConsumedCapacity");
  if (!capacity) return fail(capacity.error());
  auto metrics = read_string(request, "ReturnItemCollectionMetrics");
  if (!metrics) return fail(metrics.error());
  auto on_failure = read_string(request, "ReturnValuesOnConditionCheckFailure");
  if (!on_failure) return fail(on_failure.error());
  violations.table_name("tableName", *name);
  violations.enum_value("returnValues", *return_values, {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"});
  violations.enum_value("returnConsumedCapacity", *capacity, {"INDEXES", "TOTAL", "NONE"});
  violations.enum_value("returnItemCollectionMetrics", *metrics, {"SIZE", "NONE"});
  violations.enum_value("returnValuesOnConditionCheckFailure", *on_failure, {"ALL_OLD", "NONE"});
  common.table_name = name->value_or("");
  common.return_values = return_values->value_or("NONE");
  common.capacity = capacity_mode(*capacity);
  common.item_collection_metrics = *metrics == "SIZE";
  common.return_old_on_condition_failure = *on_failure == "ALL_OLD";
  return common;
}

Result<void> check_return_values(const std::string& value, const std::vector<std::string>& allowed,
                                 const char* message) {
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) return validation_error(message);
  return {};
}

std::string item_write_response(const std::optional<Item>& attributes, CapacityMode mode,
                                const ConsumedCapacity& capacity) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (attributes && !attributes->empty()) {
    writer.Key("Attributes");
    encode_attribute_map(writer, *attributes);
  }
  write_consumed_capacity(writer, mode, capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
