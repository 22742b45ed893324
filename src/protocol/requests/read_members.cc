// The members Query and Scan share; see read_members.h.
#include "protocol/requests/read_members.h"

#include "model/errors.h"
#include "protocol/requests/legacy_parameters.h"

namespace eddy::protocol {
namespace {

// In the order DynamoDB's "Member must satisfy enum value set" message prints them.
constexpr std::string_view kSelectValues[] = {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
                                              "ALL_PROJECTED_ATTRIBUTES"};

// A start key DynamoDB cannot decode is "The provided starting key is invalid: <why>".
Result<void> read_exclusive_start_key(const JsonValue* value, ReadMembers& out) {
  auto read = read_value(value, out.exclusive_start_key);
  if (!read && read.error().code == ErrorCode::kValidation) {
    return fail(errors::invalid_start_key(read.error().message));
  }
  return read;
}

Result<void> check_select(const ReadMembers& read) {
  bool has_attributes_to_get = read.attributes_to_get.has_value();
  const char* projection_member = has_attributes_to_get ? "AttributesToGet" : "ProjectionExpression";
  bool has_projection = has_attributes_to_get || read.projection_expression.has_value();
  std::string select = read.select.value_or("");
  if (select == "COUNT" && has_projection) {
    return validation_error(std::string("Cannot specify the ") + projection_member +
                            " when choosing to get only the Count");
  }
  if (select == "SPECIFIC_ATTRIBUTES" && !has_projection) {
    return validation_error(
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get "
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

// Query's and Scan's own check of the placeholders: present but empty, or without an expression
// (a KeyConditionExpression sent to Scan counts as one).
Result<void> check_placeholders(const ReadMembers& read, const JsonValue& json, bool scan) {
  if (read.expression_attribute_names && read.expression_attribute_names->empty()) return fail(errors::names_empty());
  if (read.expression_attribute_values && read.expression_attribute_values->empty()) {
    return fail(errors::values_empty());
  }
  bool key_expression = json_member(json, "KeyConditionExpression") != nullptr;
  bool any_expression = key_expression || read.filter_expression || read.projection_expression;
  if (read.expression_attribute_names && !any_expression) return fail(errors::names_without_expressions());
  if (read.expression_attribute_values && !key_expression && !read.filter_expression) {
    return fail(errors::values_without_expressions(scan ? "FilterExpression is null"
                                                        : "KeyConditionExpression and FilterExpression are null"));
  }
  return {};
}

}  // namespace

const Members<ReadMembers>& read_members() {
  using R = ReadMembers;
  static const Members<R> members{
      member("TableName", &R::table_name, {required(), name()}),
      member("IndexName", &R::index_name, {name()}),
      member("Select", &R::select, {one_of(kSelectValues)}),
      member("AttributesToGet", &R::attributes_to_get, {length(1)}),
      member("Limit", &R::limit, {unshown_range(1)}),
      member("ConsistentRead", &R::consistent_read),
      member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
      member("ConditionalOperator", &R::conditional_operator, {one_of(kConditionalOperators)}),
      member("ExpressionAttributeNames", &R::expression_attribute_names),
      member("ExpressionAttributeValues", &R::expression_attribute_values),
      member("FilterExpression", &R::filter_expression),
      member("ProjectionExpression", &R::projection_expression),
      custom_member<R>("ExclusiveStartKey", read_exclusive_start_key),
  };
  return members;
}

Result<void> check_read_members(const ReadMembers& read, const JsonValue& json, bool scan) {
  // Query and Scan refuse a mix of any of the twelve members, also those they do not define.
  EDDY_TRY_VOID(check_parameter_mix(request_parameter_use(json)));
  EDDY_TRY_VOID(check_select(read));
  return check_placeholders(read, json, scan);
}

}  // namespace eddy::protocol
