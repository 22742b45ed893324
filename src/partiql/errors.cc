// The texts of errors.h, as DynamoDB words them.
#include "partiql/errors.h"

namespace eddy::partiql::errors {
namespace {

ApiError v(std::string message) { return ApiError::validation(std::move(message)); }
std::string s(std::string_view text) { return std::string(text); }

}  // namespace

ApiError malformed(std::string_view statement) {
  return v("Statement wasn't well formed, can't be processed: " + s(statement));
}
ApiError parameter_count() { return v("Number of parameters in request and statement don't match."); }
ApiError unsupported_clause(std::string_view clause, SourceLocation where) {
  return v("Unsupported clause: " + s(clause) + where.suffix());
}
ApiError unsupported_operation(std::string_view operation) { return v("Unsupported operation: " + s(operation)); }
ApiError unsupported_token(std::string_view token, SourceLocation where) {
  return v("Unsupported token in expression: " + s(token) + where.suffix());
}
ApiError aliasing() { return v("Aliasing is not supported"); }
ApiError select_value_or_pivot() { return v("Select projection doesn't support value or pivot keywords"); }
ApiError single_source_select() { return v("Only select from a single table or index is supported."); }
ApiError unexpected_from_source() { return v("Unexpected from source"); }
ApiError from_path_components() { return v("A path may contain at most 2 components in the FROM clause"); }
ApiError list_in_source() { return v("Invalid list expression in source."); }
ApiError dml_single_table() {
  return v("FROM clause may only contain a single table name in data manipulation statements");
}
ApiError invalid_table_name() {
  return v("Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.");
}
ApiError insert_item_format(SourceLocation where) {
  return v(
      "Unsupported format in item expression. Please use struct format {...} to express item values for "
      "insert statement." +
      where.suffix());
}
ApiError insert_at(SourceLocation where) { return v("AT is not supported in insert statements." + where.suffix()); }
ApiError returning_star() { return v("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause"); }
ApiError nesting_too_deep() { return v("Nesting Levels have exceeded supported limits"); }
ApiError returning_multiple() { return v("Invalid syntax with multiple returning elements in RETURNING clause"); }

ApiError unexpected_path_component(SourceLocation where) { return v("Unexpected path component" + where.suffix()); }
ApiError unpivot_path(SourceLocation where) {
  return v("Unpivot path component like a.*.b are not supported" + where.suffix());
}
ApiError wildcard_path(SourceLocation where) {
  return v("Wildcard path component like a[*].b are not supported" + where.suffix());
}
ApiError empty_path_component() { return v("Path component cannot be an empty string"); }
ApiError list_index_range(std::string_view index, SourceLocation where) {
  return v("List index is not within the allowable range; index: [" + s(index) + "]" + where.suffix());
}
ApiError duplicate_select_identifier(std::string_view name) {
  return v("Duplicate identifiers in select clause: " + s(name));
}

ApiError unsupported_data_type(std::string_view what, std::string_view under, SourceLocation where) {
  return v("Unsupported data type: " + s(what) + " under key " + s(under) + where.suffix());
}
ApiError ion_literal(std::string_view type, std::string_view under, SourceLocation where) {
  return v("Ion Literals are not supported: " + s(type) + " under key " + s(under) + where.suffix());
}
ApiError tuple_key_type(std::string_view type, std::string_view under, SourceLocation where) {
  return v("Tuple keys must be of type String. Actual type: " + s(type) + " under " + s(under) + where.suffix());
}
ApiError duplicate_tuple_key(std::string_view key, std::string_view under, SourceLocation where) {
  return v("Duplicate keys in tuple. Key: " + s(key) + " under " + s(under) + where.suffix());
}
ApiError empty_bag(SourceLocation where) { return v("Empty bags are not supported" + where.suffix()); }
ApiError bag_member_type(SourceLocation where) {
  return v("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags" + where.suffix());
}
ApiError bag_duplicates() { return v("Input collection contains duplicates"); }
ApiError negative_zero(std::string_view under, SourceLocation where) {
  return v("Negative zero decimal is not supported under key " + s(under) + where.suffix());
}
ApiError number_precision() { return v("DynamoDB only supports precision up to 38 digits"); }

ApiError too_many_operators(int count) {
  std::string message = "The expression contains too many operators; operator count: ";
  message += std::to_string(count);  // appended, not concatenated: GCC 12 warns falsely on the concatenation
  return v(std::move(message));
}
ApiError unrecognized_function(std::string_view name) { return v("Unrecognized function: " + s(name)); }
ApiError unsupported_condition_operator(std::string_view op) {
  return v("Unsupported operator in Condition Expression. Operator: " + s(op));
}
ApiError unsupported_update_operator(std::string_view op) {
  return v("Unsupported operator in Update Expression. Operator: " + s(op));
}
ApiError operand_type(std::string_view op, std::string_view type) {
  return v("Incorrect operand type for operator or function; operator or function: " + s(op) +
           ", operand type: " + s(type));
}
ApiError operand_count(std::string_view op, std::size_t count) {
  return v("Incorrect number of operands for operator or function; operator or function: " + s(op) +
           ", number of operands: " + std::to_string(count));
}
ApiError in_operands() {
  return v(
      "IN operator must have a left hand argument of type Variable Reference and right hand argument of type "
      "Seq with at least one member");
}
ApiError missing_comparison() { return v("MISSING must be compared using IS operator"); }
ApiError is_operand() { return v("The left hand side argument to IS must be a Variable Reference, Literal, or Path"); }
ApiError is_in_update() { return v("IS operator is not supported in update expressions"); }
ApiError is_type(std::string_view type, SourceLocation where) {
  return v("Unsupported data type for IS operator: " + s(type) +
           ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]" +
           where.suffix());
}
ApiError not_operand() { return v("The argument to NOT must be a Type or Expression"); }
ApiError and_or_operands() { return v("The arguments to AND/OR must be Expressions"); }
ApiError where_not_boolean() { return v("WHERE clause must contain an expression that resolves to a boolean"); }
ApiError set_function_arity(std::string_view function, SourceLocation where) {
  return v("SET_" + s(function) + " must have exactly two arguments" + where.suffix());
}
ApiError set_function_target(std::string_view function) {
  return v("The first argument to SET_" + s(function) + " must equal the assignment value");
}
ApiError set_function_value(std::string_view function, SourceLocation where) {
  return v("The second argument to SET_" + s(function) + " must be a value with type SET" + where.suffix());
}
ApiError exists_outside_transaction() { return v("EXISTS can only be used in ExecuteTransaction write requests."); }

ApiError index_not_found(std::string_view index) {
  return v("The table does not have the specified index: " + s(index));
}
ApiError not_on_index() { return v("This operation is not supported on an index"); }
ApiError incomplete_key() { return v("Where clause does not contain a mandatory equality on all key attributes"); }
ApiError multiple_key_conditions(std::string_view key) {
  return v("Multiple conditions on same key " + s(key) + ". Only single item Update/Insert/Delete are supported");
}
ApiError write_key_not_scalar(std::string_view key) {
  return v("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key " + s(key));
}
ApiError read_key_not_scalar(std::string_view key) {
  return v("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: " +
           s(key));
}
ApiError key_absent(std::string_view key) { return v("Key attribute should be present in the item: Key " + s(key)); }
ApiError key_type(std::string_view key) {
  return v("Key attribute's data type should match its data type in table's schema: Key " + s(key));
}
ApiError empty_key_string(std::string_view key) {
  return v(
      "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
      "empty string value. Key: " +
      s(key));
}
ApiError condition_type() {
  return v("One or more parameter values were invalid: Condition parameter type does not match schema type");
}
ApiError cannot_update_key(std::string_view key) {
  return v("One or more parameter values were invalid: Cannot update attribute " + s(key) +
           ". This attribute is part of the key");
}
ApiError insert_returning() { return v("RETURNING is not supported in INSERT"); }
ApiError delete_returning(std::string_view returning) {
  return v("Invalid returning clause: RETURNING " + s(returning) +
           ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
}
ApiError order_by_without_where() { return v("Must have WHERE clause in the statement when using ORDER BY clause."); }
ApiError order_by_without_hash_key() {
  return v("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
}
ApiError order_by_attribute(std::string_view name) {
  return v("Variable reference " + s(name) + " in ORDER BY clause must be part of the primary key");
}
ApiError order_by_argument(std::string_view type) {
  return v("Argument to ORDER BY must be of type VariableReference. Type: " + s(type));
}

ApiError batch_single_item_select() { return v("Only single item select is supported"); }
ApiError batch_invalid_operation() {
  return v("Invalid operation. Only select, insert, update and delete operations are valid");
}
ApiError transaction_read_index() { return v("Reads on indices are not supported within transactions."); }
ApiError transaction_read_key() {
  return v("Select statements within ExecuteTransaction must specify the primary key in the where clause.");
}
ApiError transaction_check_index() { return v("Operations on indices are not supported in transactions"); }
ApiError transaction_check_key() { return v("EXISTS() must contain a single item read with additional condition"); }
ApiError transaction_unsupported() { return v("Unsupported operation in transaction."); }
ApiError transaction_returning() { return v("RETURNING clause is not supported in ExecuteTransaction."); }

}  // namespace eddy::partiql::errors
