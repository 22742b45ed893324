// UpdateTable's GlobalSecondaryIndexUpdates step; see update_table_steps.h. Create adds the index
// (CREATING, backfilling) to the definition that is stored, so that writes maintain it at once; the
// engine's backfill then adds the existing items and the index becomes ACTIVE. Delete removes the
// index from the definition first and the engine its entries after. Update changes a provisioned
// index's throughput.
#include <algorithm>
#include <set>

#include "ops/index_definitions.h"
#include "ops/update_table_steps.h"
#include "protocol/request_fields.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

struct IndexUpdate {
  enum class Kind { kCreate, kUpdate, kDelete } kind = Kind::kCreate;
  IndexInput create;
  std::string name;
  std::optional<ProvisionedThroughput> throughput;
};

Result<std::vector<IndexUpdate>> read_updates(const JsonValue& array) {
  ConstraintViolations violations;
  std::vector<IndexUpdate> updates;
  std::size_t position = 0;
  for (const auto& element : array.GetArray()) {
    ++position;
    if (!element.IsObject()) return fail(wrong_type("GlobalSecondaryIndexUpdates", element));
    std::string path = "globalSecondaryIndexUpdates." + std::to_string(position) + ".member";
    IndexUpdate update;
    int actions = 0;
    if (const JsonValue* create = member(element, "Create")) {
      if (!create->IsObject()) return fail(wrong_type("Create", *create));
      auto input = read_index_input(*create, path + ".create", true, violations);
      if (!input) return fail(input.error());
      update.kind = IndexUpdate::Kind::kCreate;
      update.create = std::move(*input);
      update.name = update.create.name;
      ++actions;
    }
    for (const char* action : {"Update", "Delete"}) {
      const JsonValue* body = member(element, action);
      if (body == nullptr) continue;
      if (!body->IsObject()) return fail(wrong_type(action, *body));
      std::string action_path = path + (action[0] == 'U' ? ".update" : ".delete");
      auto name = read_string(*body, "IndexName");
      if (!name) return fail(name.error());
      violations.index_name(action_path + ".indexName", *name);
      update.name = name->value_or("");
      update.kind = action[0] == 'U' ? IndexUpdate::Kind::kUpdate : IndexUpdate::Kind::kDelete;
      if (action[0] == 'U') {
        auto throughput = read_throughput(*body, "ProvisionedThroughput", action_path + ".provisionedThroughput",
                                          violations);
        if (!throughput) return fail(throughput.error());
        violations.not_null(action_path + ".provisionedThroughput", throughput->has_value());
        update.throughput = *throughput;
      }
      ++actions;
    }
    if (actions == 0) return validation_error("Update global secondary index action is null");
    if (actions > 1) {
      return validation_error(std::string(kInvalid) +
                              "One and only one of Create, Update or Delete must be specified in a "
                              "GlobalSecondaryIndexUpdate");
    }
    updates.push_back(std::move(update));
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  return updates;
}

// The table's definitions with the request's added (a redefinition must keep its type).
Result<std::vector<KeyElement>> merged_definitions(const TableDefinition& table,
                                                  const std::optional<std::vector<KeyElement>>& given) {
  std::vector<KeyElement> merged = table.attribute_definitions;
  if (!given) return merged;
  for (const auto& definition : *given) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const KeyElement& e) { return e.name == definition.name; });
    if (same == merged.end()) {
      merged.push_back(definition);
    } else if (same->type != definition.type) {
      return validation_error("invalid attribute, SchemaElement redefined should be of same type as previously "
                              "defined");
    }
  }
  return merged;
}

// Keeps only the definitions a key of the table or of an index uses (as DescribeTable lists them).
void keep_used_definitions(TableDefinition& table, const std::vector<KeyElement>& definitions) {
  std::set<std::string> used;
  for (const auto& name : table.key.attribute_names()) used.insert(name);
  for (const auto* list : {&table.local_indexes, &table.global_indexes}) {
    for (const auto& index : *list) {
      for (const auto& name : index.key.attribute_names()) used.insert(name);
    }
  }
  table.attribute_definitions.clear();
  for (const auto& definition : definitions) {
    if (used.count(definition.name) != 0) table.attribute_definitions.push_back(definition);
  }
}

Result<void> apply_create(UpdateTableStep& step, const IndexUpdate& update, const std::vector<KeyElement>& definitions) {
  TableDefinition& table = step.after;
  if (table.find_index(update.name) != nullptr) {
    return validation_error("Attempting to create an index which already exists");
  }
  if (!step.attribute_definitions) return validation_error("No Attribute Schema Defined");
  if (table.global_indexes.size() >= kMaxGlobalIndexes) {
    return fail(ApiError{ErrorCode::kLimitExceeded,
                         "Subscriber limit exceeded: GlobalSecondaryIndex count exceeds the per-table limit of 20", {}});
  }
  auto index = resolve_global_index(update.create, definitions, table.billing_mode);
  if (!index) return fail(index.error());
  // The engine gives the index its id when the definition is stored (id 0 until then).
  index->status = "CREATING";
  index->backfilling = true;
  table.global_indexes.push_back(std::move(*index));
  return {};
}

Result<void> apply_update(UpdateTableStep& step, const IndexUpdate& update) {
  auto& indexes = step.after.global_indexes;
  auto index = std::find_if(indexes.begin(), indexes.end(), [&](const SecondaryIndex& i) { return i.name == update.name; });
  if (index == indexes.end()) return fail(ApiError::not_found("Requested resource not found"));
  if (step.after.billing_mode == "PAY_PER_REQUEST") {
    return validation_error(std::string(kInvalid) +
                            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                            "PAY_PER_REQUEST");
  }
  ProvisionedThroughput& current = index->throughput;
  double now = step.context.now();
  if (update.throughput->read_capacity_units > current.read_capacity_units ||
      update.throughput->write_capacity_units > current.write_capacity_units) {
    current.last_increase_time = now;
  }
  if (update.throughput->read_capacity_units < current.read_capacity_units ||
      update.throughput->write_capacity_units < current.write_capacity_units) {
    current.last_decrease_time = now;
    ++current.number_of_decreases_today;
  }
  current.read_capacity_units = update.throughput->read_capacity_units;
  current.write_capacity_units = update.throughput->write_capacity_units;
  return {};
}

Result<void> apply_delete(UpdateTableStep& step, const IndexUpdate& update) {
  auto& indexes = step.after.global_indexes;
  auto index = std::find_if(indexes.begin(), indexes.end(), [&](const SecondaryIndex& i) { return i.name == update.name; });
  if (index == indexes.end()) return fail(ApiError::not_found("Requested resource not found"));
  if (index->status == "CREATING") {
    return fail(ApiError::in_use("Attempt to change a resource which is still in use: Index is being created."));
  }
  indexes.erase(index);
  return {};
}

Result<void> check_update_set(const std::vector<IndexUpdate>& updates) {
  if (updates.empty()) return validation_error("Nothing to update");
  std::set<std::string> names;
  int online = 0;
  for (const auto& update : updates) {
    if (!names.insert(update.name).second) {
      return validation_error("Only one global secondary index update per index is allowed simultaneously.");
    }
    if (update.kind != IndexUpdate::Kind::kUpdate) ++online;
  }
  if (online > 1) {
    return fail(ApiError{ErrorCode::kLimitExceeded,
                         "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per "
                         "table",
                         {}});
  }
  return {};
}

}  // namespace

Result<void> apply_index_updates(UpdateTableStep& step) {
  auto array = read_array(step.request, "GlobalSecondaryIndexUpdates");
  if (!array) return fail(array.error());
  if (*array == nullptr) return {};
  auto updates = read_updates(**array);
  if (!updates) return fail(updates.error());
  if (auto checked = check_update_set(*updates); !checked) return checked;
  auto definitions = merged_definitions(step.before, step.attribute_definitions);
  if (!definitions) return fail(definitions.error());
  for (const auto& update : *updates) {
    Result<void> applied;
    switch (update.kind) {
      case IndexUpdate::Kind::kCreate: applied = apply_create(step, update, *definitions); break;
      case IndexUpdate::Kind::kUpdate: applied = apply_update(step, update); break;
      case IndexUpdate::Kind::kDelete: applied = apply_delete(step, update); break;
    }
    if (!applied) return applied;
  }
  keep_used_definitions(step.after, *definitions);
  return {};
}

}  // namespace eddy::ops
