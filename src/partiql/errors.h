// DynamoDB's PartiQL error texts, one named factory each, so that no message is spelled at a call
// site. Every one is a ValidationException; the texts were checked against DynamoDB Local (see the
// table in docs/partiql.md). Where DynamoDB cites a place in the statement, the factory takes its
// SourceLocation and appends " at L:C:N".
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "partiql/source_location.h"

namespace eddy::partiql::errors {

// Syntax and statement shape.
ApiError malformed(std::string_view statement);  // "Statement wasn't well formed, can't be processed: <statement>"
ApiError parameter_count();
ApiError unsupported_clause(std::string_view clause, SourceLocation where = {});
ApiError unsupported_operation(std::string_view operation);  // "Unsupported operation: CreateTable"
ApiError unsupported_token(std::string_view token, SourceLocation where = {});
ApiError aliasing();
ApiError select_value_or_pivot();
ApiError single_source_select();
ApiError unexpected_from_source();
ApiError from_path_components();
ApiError list_in_source();
ApiError dml_single_table();
ApiError invalid_table_name();
ApiError insert_item_format(SourceLocation where);
ApiError insert_at(SourceLocation where);
ApiError returning_star();
ApiError returning_multiple();
ApiError nesting_too_deep();

// Paths.
ApiError unexpected_path_component(SourceLocation where);
ApiError unpivot_path(SourceLocation where);
ApiError wildcard_path(SourceLocation where);
ApiError empty_path_component();
ApiError list_index_range(std::string_view index, SourceLocation where);
ApiError duplicate_select_identifier(std::string_view name);

// Literals ("under key root.a.1" names where the value sits).
ApiError unsupported_data_type(std::string_view what, std::string_view under, SourceLocation where = {});
ApiError ion_literal(std::string_view type, std::string_view under, SourceLocation where);
ApiError tuple_key_type(std::string_view type, std::string_view under, SourceLocation where);
ApiError duplicate_tuple_key(std::string_view key, std::string_view under, SourceLocation where);
ApiError empty_bag(SourceLocation where);
ApiError bag_member_type(SourceLocation where = {});
ApiError bag_duplicates();
ApiError negative_zero(std::string_view under, SourceLocation where);
ApiError number_precision();

// Conditions and updates.
ApiError unrecognized_function(std::string_view name);
ApiError too_many_operators(int count);
ApiError unsupported_condition_operator(std::string_view op);
ApiError unsupported_update_operator(std::string_view op);
ApiError operand_type(std::string_view op, std::string_view type);
ApiError operand_count(std::string_view op, std::size_t count);
ApiError in_operands();
ApiError missing_comparison();
ApiError is_operand();
ApiError is_in_update();
ApiError is_type(std::string_view type, SourceLocation where);
ApiError not_operand();
ApiError and_or_operands();
ApiError where_not_boolean();
ApiError set_function_arity(std::string_view function, SourceLocation where);  // function: "ADD" or "DELETE"
ApiError set_function_target(std::string_view function);
ApiError set_function_value(std::string_view function, SourceLocation where);
ApiError exists_outside_transaction();

// Planning against the table.
ApiError index_not_found(std::string_view index);
ApiError not_on_index();
ApiError incomplete_key();
ApiError multiple_key_conditions(std::string_view key);
ApiError write_key_not_scalar(std::string_view key);  // "...: Key pk"
ApiError read_key_not_scalar(std::string_view key);   // "...: Key: pk"
ApiError key_absent(std::string_view key);
ApiError key_type(std::string_view key);
ApiError empty_key_string(std::string_view key);
ApiError condition_type();
ApiError cannot_update_key(std::string_view key);
ApiError insert_returning();
ApiError delete_returning(std::string_view returning);
ApiError order_by_without_where();
ApiError order_by_without_hash_key();
ApiError order_by_attribute(std::string_view name);
ApiError order_by_argument(std::string_view type);

// Batches and transactions.
ApiError batch_single_item_select();
ApiError batch_invalid_operation();
ApiError transaction_read_index();
ApiError transaction_read_key();
ApiError transaction_check_index();
ApiError transaction_check_key();
ApiError transaction_unsupported();
ApiError transaction_returning();

}  // namespace eddy::partiql::errors
