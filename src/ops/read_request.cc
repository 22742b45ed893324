// Query and Scan's shared resolution; see read_request.h.
#include "ops/read_request.h"

#include <algorithm>

#include "expr/ast.h"
#include "expr/legacy.h"
#include "model/errors.h"
#include "model/result.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"

namespace eddy::ops {
namespace {

void collect_operand_names(const expr::Operand& operand, std::set<std::string>& names) {
  if (operand.kind == expr::OperandKind::kPath && !operand.path.empty()) names.insert(operand.path[0].name);
  for (const auto& arg : operand.args) collect_operand_names(arg, names);
}

void collect_node_names(const expr::ConditionNode& node, std::set<std::string>& names) {
  for (const auto& operand : node.operands) collect_operand_names(operand, names);
  for (const auto& child : node.children) collect_node_names(child, names);
}

std::string bracket_list(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

bool projects(const TableDefinition& table, const SecondaryIndex& index, const std::string& name) {
  if (index.projection.type == IndexProjection::Type::kAll) return true;
  if (table.key.contains(name) || index.key.contains(name)) return true;
  const auto& extra = index.projection.non_key_attributes;
  return std::find(extra.begin(), extra.end(), name) != extra.end();
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Result<expr::Condition> parse_filter(const protocol::ReadMembers& members,
                                     const std::optional<std::vector<LegacyCondition>>& filter,
                                     expr::ExpressionAttributes& attrs, const std::vector<std::string>& key_names) {
  if (members.filter_expression) {
    EDDY_TRY(expr::Condition condition, expr::parse_condition(*members.filter_expression, "FilterExpression", attrs));
    for (const auto& name : condition_attribute_names(condition)) {
      if (contains(key_names, name)) {
        return validation_error(
            "Filter Expression can only contain non-primary key attributes: Primary key "
            "attribute: " +
            name);
      }
    }
    return condition;
  }
  if (!filter) return expr::Condition();
  return expr::legacy_filter(*filter, members.conditional_operator == "OR", key_names);
}

SelectMode select_mode(const protocol::ReadMembers& members, const ReadRequest& read) {
  if (members.select == "COUNT") return SelectMode::kCount;
  if (members.select == "ALL_PROJECTED_ATTRIBUTES") return SelectMode::kAllProjected;
  if (members.select == "ALL_ATTRIBUTES") return SelectMode::kAllAttributes;
  if (members.select == "SPECIFIC_ATTRIBUTES" || !read.projection.empty()) return SelectMode::kSpecific;
  return read.index != nullptr ? SelectMode::kAllProjected : SelectMode::kAllAttributes;
}

}  // namespace

ItemProjector::ItemProjector(expr::Projection projection) : projection_(std::move(projection)) {
  for (const auto& path : projection_.paths) {
    names_.insert(path[0].name);
    if (path.size() > 1) nested_ = true;
  }
}

Item ItemProjector::apply(Item item) const {
  if (projection_.empty()) return item;
  if (nested_) return projection_.apply(item);
  for (auto it = item.begin(); it != item.end();) {
    it = names_.count(it->first) != 0 ? std::next(it) : item.erase(it);
  }
  return item;
}

std::set<std::string> condition_attribute_names(const expr::Condition& condition) {
  std::set<std::string> names;
  if (condition.tree() != nullptr) collect_node_names(condition.tree()->root, names);
  return names;
}

Result<ReadRequest> start_read(RequestContext& context, const protocol::ReadMembers& members) {
  ReadRequest read;
  read.limit = members.limit;
  read.consistent = members.consistent_read;
  read.capacity = members.return_consumed_capacity;
  EDDY_TRY(read.table, find_table(context, members.table_name));
  if (!members.index_name) return read;
  const std::string& name = *members.index_name;
  for (const auto& index : read.table->local_indexes) {
    if (index.name == name) read.index = &index;
  }
  for (const auto& index : read.table->global_indexes) {
    if (index.name == name) {
      read.index = &index;
      read.global_index = true;
    }
  }
  if (read.index == nullptr) return validation_error("The table does not have the specified index: " + name);
  if (read.global_index && read.consistent) {
    return validation_error("Consistent reads are not supported on global secondary indexes");
  }
  if (read.index->backfilling) {
    return validation_error("Cannot read from backfilling global secondary index: " + read.index->name);
  }
  return read;
}

Result<void> parse_filter_and_projection(const protocol::ReadMembers& members,
                                         const std::optional<std::vector<LegacyCondition>>& filter, ReadRequest& read,
                                         expr::ExpressionAttributes& attrs, const std::vector<std::string>& key_names) {
  EDDY_TRY(read.filter, parse_filter(members, filter, attrs, key_names));
  EDDY_TRY(expr::Projection projection,
           parse_projection(members.projection_expression, members.attributes_to_get, attrs));
  read.projection = ItemProjector(std::move(projection));
  return {};
}

Result<void> resolve_select(const protocol::ReadMembers& members, ReadRequest& read) {
  read.mode = select_mode(members, read);
  if (read.index == nullptr) return {};
  const TableDefinition& table = *read.table;
  const SecondaryIndex& index = *read.index;
  const char* kind = read.global_index ? "global" : "local";
  if (read.mode == SelectMode::kAllAttributes && index.projection.type != IndexProjection::Type::kAll) {
    if (read.global_index) {
      return fail(errors::invalid_parameter(std::string("Select type ALL_ATTRIBUTES is not supported for ") + kind +
                                            " secondary index " + index.name +
                                            " because its projection type is not ALL"));
    }
    read.fetch_from_table = true;
  }
  if (read.mode == SelectMode::kSpecific) {
    std::vector<std::string> missing;
    for (const auto& name : read.projection.top_level_names()) {
      if (!projects(table, index, name)) missing.push_back(name);
    }
    if (!missing.empty()) {
      if (read.global_index) {
        return fail(errors::invalid_parameter("Global secondary index " + index.name + " does not project " +
                                              bracket_list(missing)));
      }
      read.fetch_from_table = true;
    }
  }
  std::vector<std::string> unprojected_filter;
  for (const auto& name : condition_attribute_names(read.filter)) {
    if (!projects(table, index, name)) unprojected_filter.push_back(name);
  }
  if (!unprojected_filter.empty()) {
    return fail(errors::invalid_parameter(
        "Secondary index " + index.name +
        " does not project one or more filter attributes: " + bracket_list(unprojected_filter)));
  }
  return {};
}

}  // namespace eddy::ops
