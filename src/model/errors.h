// DynamoDB's error texts that more than one place gives, each made by one named function, so that
// a text is written once and a change to it (as AWS rewords one) is one change. Texts used in one
// place only stay at that place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/api_error.h"

namespace eddy::errors {

// ValidationException "One or more parameter values were invalid: <detail>".
ApiError invalid_parameter(std::string_view detail);

// AccessDeniedException "User: <principal> is not authorized to perform: <action> on resource:
// <resource>", IAM's refusal.
ApiError not_authorized(std::string_view principal, std::string_view action, std::string_view resource);

// ResourceNotFoundException "Requested resource not found" (item operations' missing table, an
// index that UpdateTable cannot find).
ApiError resource_not_found();
// ResourceNotFoundException "Requested resource not found: <what>" ("Stream: <arn> not found").
ApiError resource_not_found(std::string_view what);
// ResourceNotFoundException "Requested resource not found: Table: <name> not found" (table-level
// operations).
ApiError table_not_found(std::string_view table_name);
// LimitExceededException "Subscriber limit exceeded: <detail>".
ApiError subscriber_limit_exceeded(std::string_view detail);
// LimitExceededException of a resource that would carry more than DynamoDB's 50 tags (TagResource's
// total, or CreateTable's Tags).
inline constexpr std::size_t kMaxTagsPerResource = 50;
ApiError too_many_tags();

// ExpressionAttributeNames / ExpressionAttributeValues in a request without an expression that could
// use them, or sent empty.
ApiError names_without_expressions();
// `null_expressions` names the expressions that could have used them: "FilterExpression is null",
// "UpdateExpression and ConditionExpression are null".
ApiError values_without_expressions(std::string_view null_expressions);
ApiError names_empty();
ApiError values_empty();

// A Key (or a key within an item) that is not the table's: "The provided key element does not
// match the schema".
ApiError key_schema_mismatch();
// "Provided list of item keys contains duplicates" (BatchGetItem, BatchWriteItem).
ApiError duplicate_keys();
// "Transaction request cannot include multiple operations on one item".
ApiError item_in_several_transaction_actions();
// "Item size to update has exceeded the maximum allowed size".
ApiError updated_item_too_large();
// "One or more parameter values were invalid: Cannot update attribute <name>. This attribute is
// part of the key".
ApiError key_attribute_updated(std::string_view attribute);
// "Comparison type does not exist in DynamoDB" (a legacy ComparisonOperator).
ApiError unknown_comparison_operator();

// Key schemas (CreateTable, LSI and GSI definitions).
ApiError first_key_not_hash();    // "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"
ApiError second_key_not_range();  // "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"
ApiError hash_and_range_same_name();
// "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can
// be specified when BillingMode is PAY_PER_REQUEST".
ApiError throughput_with_pay_per_request();

// "The provided starting key is invalid", or "The provided starting key is invalid: <why>" (an
// ExclusiveStartKey of Query or Scan).
ApiError invalid_start_key(std::string_view why = {});

// Key conditions (KeyConditionExpression and KeyConditions).
ApiError key_condition_missed_key();     // "Query condition missed key schema element"
ApiError key_condition_not_supported();  // "Query key condition not supported"

}  // namespace eddy::errors
