// UpdateTable's GlobalSecondaryIndexUpdates step; see update_table_steps.h. Create adds the index
// (CREATING, backfilling) to the definition that is stored, so that writes maintain it at once; the
// engine's backfill then adds the existing items and the index becomes ACTIVE. Delete removes the
// index from the definition first and the engine its entries after. Update changes a provisioned
// index's throughput. The updates' own checks (one action each, each index once) were made when the
// request was read (protocol/requests/update_table.h).
#include <algorithm>
#include <set>

#include "model/errors.h"
#include "model/result.h"
#include "ops/update_table_steps.h"
#include "protocol/requests/index_definitions.h"

namespace eddy::ops {
namespace {

using protocol::GlobalSecondaryIndexUpdate;

// The table's definitions with the request's added (a redefinition must keep its type).
Result<std::vector<KeyElement>> merged_definitions(const TableDefinition& table,
                                                   const std::optional<std::vector<KeyElement>>& given) {
  std::vector<KeyElement> merged = table.attribute_definitions;
  if (!given) return merged;
  for (const auto& definition : *given) {
    auto same =
        std::find_if(merged.begin(), merged.end(), [&](const KeyElement& e) { return e.name == definition.name; });
    if (same == merged.end()) {
      merged.push_back(definition);
    } else if (same->type != definition.type) {
      return validation_error(
          "invalid attribute, SchemaElement redefined should be of same type as previously "
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

Result<void> apply_create(UpdateTableStep& step, const protocol::IndexDefinition& create,
                          const std::vector<KeyElement>& definitions) {
  TableDefinition& table = step.after;
  if (table.find_index(create.index_name) != nullptr) {
    return validation_error("Attempting to create an index which already exists");
  }
  if (!step.request.attribute_definitions) return validation_error("No Attribute Schema Defined");
  if (table.global_indexes.size() >= protocol::kMaxGlobalIndexes) {
    return fail(errors::subscriber_limit_exceeded("GlobalSecondaryIndex count exceeds the per-table limit of 20"));
  }
  EDDY_TRY(SecondaryIndex index, protocol::resolve_global_index(create, definitions, table.billing_mode));
  // The engine gives the index its id when the definition is stored (id 0 until then).
  index.status = "CREATING";
  index.backfilling = true;
  table.global_indexes.push_back(std::move(index));
  return {};
}

Result<void> apply_update(UpdateTableStep& step, const protocol::UpdateGlobalSecondaryIndexAction& update) {
  auto& indexes = step.after.global_indexes;
  auto index = std::find_if(indexes.begin(), indexes.end(),
                            [&](const SecondaryIndex& i) { return i.name == update.index_name; });
  if (index == indexes.end()) return fail(errors::resource_not_found());
  if (step.after.billing_mode == "PAY_PER_REQUEST") return fail(errors::throughput_with_pay_per_request());
  ProvisionedThroughput& current = index->throughput;
  const ProvisionedThroughput& requested = *update.provisioned_throughput;
  double now = step.context.now();
  if (requested.read_capacity_units > current.read_capacity_units ||
      requested.write_capacity_units > current.write_capacity_units) {
    current.last_increase_time = now;
  }
  if (requested.read_capacity_units < current.read_capacity_units ||
      requested.write_capacity_units < current.write_capacity_units) {
    current.last_decrease_time = now;
    ++current.number_of_decreases_today;
  }
  current.read_capacity_units = requested.read_capacity_units;
  current.write_capacity_units = requested.write_capacity_units;
  return {};
}

Result<void> apply_delete(UpdateTableStep& step, const protocol::DeleteGlobalSecondaryIndexAction& update) {
  auto& indexes = step.after.global_indexes;
  auto index = std::find_if(indexes.begin(), indexes.end(),
                            [&](const SecondaryIndex& i) { return i.name == update.index_name; });
  if (index == indexes.end()) return fail(errors::resource_not_found());
  if (index->status == "CREATING") {
    return fail(ApiError::in_use("Attempt to change a resource which is still in use: Index is being created."));
  }
  indexes.erase(index);
  return {};
}

}  // namespace

Result<void> apply_index_updates(UpdateTableStep& step) {
  if (!step.request.global_secondary_index_updates) return {};
  std::optional<std::vector<KeyElement>> given;
  if (step.request.attribute_definitions) given = protocol::key_elements(*step.request.attribute_definitions);
  EDDY_TRY(std::vector<KeyElement> definitions, merged_definitions(step.before, given));
  for (const GlobalSecondaryIndexUpdate& update : *step.request.global_secondary_index_updates) {
    if (update.create) EDDY_TRY_VOID(apply_create(step, *update.create, definitions));
    if (update.update) EDDY_TRY_VOID(apply_update(step, *update.update));
    if (update.delete_action) EDDY_TRY_VOID(apply_delete(step, *update.delete_action));
  }
  keep_used_definitions(step.after, definitions);
  return {};
}

}  // namespace eddy::ops
