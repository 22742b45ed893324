// Query and Scan's shared members; see read_request.h.
#include "ops/read_request.h"

#include "expr/ast.h"
#include "ops/table_lookup.h"
#include "protocol/legacy_parameters.h"

namespace eddy::ops {
namespace {

constexpr const char* kInvalid = "One or more parameter values were invalid: ";

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

Result<void> check_select(const ReadRequest& read) {
  const char* projection_member = read.has_attributes_to_get ? "AttributesToGet" : "ProjectionExpression";
  bool has_projection = read.has_attributes_to_get || read.projection_text.has_value();
  std::string select = read.select.value_or("");
  if (select == "COUNT" && has_projection) {
    return validation_error(std::string("Cannot specify the ") + projection_member +
                            " when choosing to get only the Count");
  }
  if (select == "SPECIFIC_ATTRIBUTES" && !has_projection) {
    return validation_error("Must specify the AttributesToGet or ProjectionExpression when choosing to get "
                            "SPECIFIC_ATTRIBUTES");
  }
  if ((select == "ALL_ATTRIBUTES" || select == "ALL_PROJECTED_ATTRIBUTES") && has_projection) {
    return validation_error(std::string("Cannot specify the ") + projection_member + " when choosing to get " + select);
  }
  if (select == "ALL_PROJECTED_ATTRIBUTES" && !read.index_name) {
    return validation_error("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
  }
  return {};
}

Result<void> check_expression_attributes(const JsonValue& request, const ReadRequest& read) {
  if (read.names && read.names->empty()) return validation_error("ExpressionAttributeNames must not be empty");
  if (read.values && read.values->empty()) return validation_error("ExpressionAttributeValues must not be empty");
  bool key_expression = member(request, "KeyConditionExpression") != nullptr;
  bool any_expression = key_expression || read.filter_text || read.projection_text;
  if (read.names && !any_expression) {
    return validation_error("ExpressionAttributeNames can only be specified when using expressions");
  }
  if (read.values && !key_expression && !read.filter_text) {
    return validation_error(read.scan ? "ExpressionAttributeValues can only be specified when using expressions: "
                                        "FilterExpression is null"
                                      : "ExpressionAttributeValues can only be specified when using expressions: "
                                        "KeyConditionExpression and FilterExpression are null");
  }
  return {};
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

Result<ReadRequest> read_read_request(const JsonValue& request, bool scan, ConstraintViolations& violations) {
  ReadRequest read;
  read.scan = scan;
  auto name = read_string(request, "TableName");
  if (!name) return fail(name.error());
  auto index = read_string(request, "IndexName");
  if (!index) return fail(index.error());
  auto select = read_string(request, "Select");
  if (!select) return fail(select.error());
  auto attributes = read_string_list(request, "AttributesToGet");
  if (!attributes) return fail(attributes.error());
  auto limit = read_integer(request, "Limit");
  if (!limit) return fail(limit.error());
  auto consistent = read_bool(request, "ConsistentRead");
  if (!consistent) return fail(consistent.error());
  auto capacity = read_string(request, "ReturnConsumedCapacity");
  if (!capacity) return fail(capacity.error());
  auto conditional = read_string(request, "ConditionalOperator");
  if (!conditional) return fail(conditional.error());
  auto names = read_string_map(request, "ExpressionAttributeNames");
  if (!names) return fail(names.error());
  auto values = read_attribute_map(request, "ExpressionAttributeValues");
  if (!values) return fail(values.error());
  auto filter = read_string(request, "FilterExpression");
  if (!filter) return fail(filter.error());
  auto projection = read_string(request, "ProjectionExpression");
  if (!projection) return fail(projection.error());
  auto start = read_attribute_map(request, "ExclusiveStartKey");
  if (!start) {
    if (start.error().code != ErrorCode::kValidation) return fail(start.error());
    return validation_error("The provided starting key is invalid: " + start.error().message);
  }
  violations.table_name("tableName", *name);
  violations.index_name("indexName", *index, false);
  violations.enum_value("select", *select, {"ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"});
  if (*attributes && (*attributes)->empty()) {
    violations.add("attributesToGet", "[]", "Member must have length greater than or equal to 1");
  }
  violations.integer_range("limit", *limit, 1, INT64_MAX);
  violations.enum_value("returnConsumedCapacity", *capacity, {"INDEXES", "TOTAL", "NONE"});
  violations.enum_value("conditionalOperator", *conditional, {"AND", "OR"});
  read.table_name = name->value_or("");
  read.index_name = *index;
  read.select = *select;
  read.limit = *limit;
  read.consistent = consistent->value_or(false);
  read.capacity = capacity_mode(*capacity);
  read.exclusive_start_key = std::move(*start);
  read.names = std::move(*names);
  read.values = std::move(*values);
  read.filter_text = *filter;
  read.projection_text = *projection;
  read.has_attributes_to_get = attributes->has_value();
  return read;
}

Result<void> check_read_request(const JsonValue& request, const ReadRequest& read) {
  if (auto mixed = check_parameter_mix(request_parameter_use(request)); !mixed) return mixed;
  if (auto select = check_select(read); !select) return select;
  return check_expression_attributes(request, read);
}

Result<void> resolve_table_and_index(RequestContext& context, ReadRequest& read) {
  auto table = find_table(context, read.table_name);
  if (!table) return fail(table.error());
  read.table = *table;
  if (!read.index_name) return {};
  for (const auto& index : read.table->local_indexes) {
    if (index.name == *read.index_name) read.index = &index;
  }
  for (const auto& index : read.table->global_indexes) {
    if (index.name == *read.index_name) {
      read.index = &index;
      read.global_index = true;
    }
  }
  if (read.index == nullptr) {
    return validation_error("The table does not have the specified index: " + *read.index_name);
  }
  if (read.global_index && read.consistent) {
    return validation_error("Consistent reads are not supported on global secondary indexes");
  }
  if (read.index->backfilling) {
    return validation_error("Cannot read from backfilling global secondary index: " + read.index->name);
  }
  return {};
}

Result<void> parse_filter_and_projection(const JsonValue& request, ReadRequest& read, expr::ExpressionAttributes& attrs,
                                         const std::vector<std::string>& key_names) {
  if (read.filter_text) {
    auto filter = expr::parse_condition(*read.filter_text, "FilterExpression", attrs);
    if (!filter) return fail(filter.error());
    read.filter = std::move(*filter);
    for (const auto& name : condition_attribute_names(read.filter)) {
      if (std::find(key_names.begin(), key_names.end(), name) != key_names.end()) {
        return validation_error("Filter Expression can only contain non-primary key attributes: Primary key "
                                "attribute: " + name);
      }
    }
  } else {
    auto filter = legacy_filter(request, read.scan ? "ScanFilter" : "QueryFilter", key_names);
    if (!filter) return fail(filter.error());
    read.filter = std::move(*filter);
  }
  if (read.projection_text) {
    auto projection = expr::parse_projection(*read.projection_text, attrs);
    if (!projection) return fail(projection.error());
    read.projection = ItemProjector(std::move(*projection));
  } else {
    auto projection = legacy_attributes_to_get(request);
    if (!projection) return fail(projection.error());
    read.projection = ItemProjector(std::move(*projection));
  }
  return {};
}

Result<void> resolve_select(ReadRequest& read) {
  bool has_projection = !read.projection.empty();
  if (read.select == "COUNT") {
    read.mode = SelectMode::kCount;
  } else if (read.select == "ALL_PROJECTED_ATTRIBUTES") {
    read.mode = SelectMode::kAllProjected;
  } else if (read.select == "ALL_ATTRIBUTES") {
    read.mode = SelectMode::kAllAttributes;
  } else if (read.select == "SPECIFIC_ATTRIBUTES" || has_projection) {
    read.mode = SelectMode::kSpecific;
  } else {
    read.mode = read.index != nullptr ? SelectMode::kAllProjected : SelectMode::kAllAttributes;
  }
  if (read.index == nullptr) return {};
  const TableDefinition& table = *read.table;
  const SecondaryIndex& index = *read.index;
  const char* kind = read.global_index ? "global" : "local";
  if (read.mode == SelectMode::kAllAttributes && index.projection.type != IndexProjection::Type::kAll) {
    if (read.global_index) {
      return validation_error(std::string(kInvalid) + "Select type ALL_ATTRIBUTES is not supported for " + kind +
                              " secondary index " + index.name + " because its projection type is not ALL");
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
        return validation_error(std::string(kInvalid) + "Global secondary index " + index.name + " does not project " +
                                bracket_list(missing));
      }
      read.fetch_from_table = true;
    }
  }
  std::vector<std::string> unprojected_filter;
  for (const auto& name : condition_attribute_names(read.filter)) {
    if (!projects(table, index, name)) unprojected_filter.push_back(name);
  }
  if (!unprojected_filter.empty()) {
    return validation_error(std::string(kInvalid) + "Secondary index " + index.name +
                            " does not project one or more filter attributes: " + bracket_list(unprojected_filter));
  }
  return {};
}

}  // namespace eddy::ops
