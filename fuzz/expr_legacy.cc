// Fuzz target: the legacy parameters' translation into expression trees (expr/legacy.h): Expected,
// QueryFilter/ScanFilter with ConditionalOperator, KeyConditions, AttributeUpdates and
// AttributesToGet. The input is JSON shaped like those request members; this target reads it into
// the plain structs itself, so that it fuzzes the translation and its checks (the request's own
// reading of these members is fuzzed with the whole request, in dispatcher.cc). What translates is
// then evaluated and applied to the items of expression_inputs.h; a failed apply must leave the item
// as it was.
#include "expr/legacy.h"
#include "expression_inputs.h"

namespace {

using namespace eddy;
using namespace eddy::expr;  // where the legacy structs live, before they move to the model

const std::vector<std::string>& partition_names() {
  static const std::vector<std::string> names = {"pk"};
  return names;
}
const std::vector<std::string>& sort_names() {
  static const std::vector<std::string> names = {"sk"};
  return names;
}
const std::vector<std::string>& key_names() {
  static const std::vector<std::string> names = {"pk", "sk"};
  return names;
}

std::optional<AttributeValue> value_of(const JsonValue& json) {
  auto value = decode_attribute_value(json);
  if (!value) return std::nullopt;
  return std::move(*value);
}

// {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [...], "Value": {...}, "Exists": true}}
std::vector<LegacyCondition> conditions_of(const JsonValue& json) {
  std::vector<LegacyCondition> out;
  if (!json.IsObject()) return out;
  for (const auto& entry : json.GetObject()) {
    LegacyCondition condition;
    condition.attribute.assign(entry.name.GetString(), entry.name.GetStringLength());
    if (!entry.value.IsObject()) continue;
    const JsonValue& body = entry.value;
    if (body.HasMember("ComparisonOperator") && body["ComparisonOperator"].IsString()) {
      condition.op = legacy_operator_from_name(body["ComparisonOperator"].GetString());
    }
    if (body.HasMember("AttributeValueList") && body["AttributeValueList"].IsArray()) {
      condition.has_value_list = true;
      for (const auto& element : body["AttributeValueList"].GetArray()) {
        if (auto value = value_of(element)) condition.values.push_back(std::move(*value));
      }
    }
    if (body.HasMember("Value")) condition.value = value_of(body["Value"]);
    if (body.HasMember("Exists") && body["Exists"].IsBool()) condition.exists = body["Exists"].GetBool();
    out.push_back(std::move(condition));
  }
  return out;
}

std::vector<LegacyAttributeUpdate> updates_of(const JsonValue& json) {
  std::vector<LegacyAttributeUpdate> out;
  if (!json.IsObject()) return out;
  for (const auto& entry : json.GetObject()) {
    LegacyAttributeUpdate update;
    update.attribute.assign(entry.name.GetString(), entry.name.GetStringLength());
    if (!entry.value.IsObject()) continue;
    const JsonValue& body = entry.value;
    if (body.HasMember("Action") && body["Action"].IsString()) {
      std::string_view action = body["Action"].GetString();
      if (action == "ADD") update.action = LegacyAttributeUpdate::Action::kAdd;
      if (action == "DELETE") update.action = LegacyAttributeUpdate::Action::kDelete;
    }
    if (body.HasMember("Value")) update.value = value_of(body["Value"]);
    out.push_back(std::move(update));
  }
  return out;
}

void evaluate(const Result<Condition>& condition) {
  if (!condition) return;
  for (const Item& item : fuzz::expression_items()) (void)condition->evaluate(item);
}

void run(const JsonValue& request) {
  bool use_or = request.HasMember("ConditionalOperator") && request["ConditionalOperator"].IsString() &&
                std::string_view(request["ConditionalOperator"].GetString()) == "OR";
  if (request.HasMember("Expected")) evaluate(legacy_condition(conditions_of(request["Expected"]), use_or, true));
  if (request.HasMember("QueryFilter"))
    evaluate(legacy_condition(conditions_of(request["QueryFilter"]), use_or, false));
  if (request.HasMember("KeyConditions")) {
    (void)legacy_key_condition(conditions_of(request["KeyConditions"]), partition_names(), sort_names());
  }
  if (request.HasMember("AttributeUpdates")) {
    auto update = legacy_update(updates_of(request["AttributeUpdates"]), key_names());
    for (const Item& original : fuzz::expression_items()) {
      if (!update) break;
      Item item = original;
      if (!update->apply(item)) FUZZ_CHECK(item == original);
    }
  }
  if (request.HasMember("AttributesToGet") && request["AttributesToGet"].IsArray()) {
    std::vector<std::string> names;
    for (const auto& name : request["AttributesToGet"].GetArray()) {
      if (name.IsString()) names.emplace_back(name.GetString(), name.GetStringLength());
    }
    if (auto projection = legacy_projection(names)) {
      for (const Item& item : fuzz::expression_items()) (void)projection->apply(item);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  JsonDocument document;
  if (parse_json(fuzz::text_of(data, size), document) != JsonParseOutcome::kParsed || !document.IsObject()) return 0;
  run(document);
  return 0;
}
