// DynamoDB's repeated error texts; see errors.h.
#include "model/errors.h"

namespace eddy::errors {

ApiError invalid_parameter(std::string_view detail) {
  return ApiError::validation("One or more parameter values were invalid: " + std::string(detail));
}

ApiError not_authorized(std::string_view principal, std::string_view action, std::string_view resource) {
  return ApiError{ErrorCode::kAccessDenied,
                  "User: " + std::string(principal) + " is not authorized to perform: " + std::string(action) +
                      " on resource: " + std::string(resource),
                  {}};
}

ApiError resource_not_found() { return ApiError::not_found("Requested resource not found"); }

ApiError resource_not_found(std::string_view what) {
  return ApiError::not_found("Requested resource not found: " + std::string(what));
}

ApiError table_not_found(std::string_view table_name) {
  return resource_not_found("Table: " + std::string(table_name) + " not found");
}

ApiError subscriber_limit_exceeded(std::string_view detail) {
  return ApiError{ErrorCode::kLimitExceeded, "Subscriber limit exceeded: " + std::string(detail), {}};
}

ApiError too_many_tags() {
  return ApiError{ErrorCode::kLimitExceeded,
                  "The number of tags on the resource exceeds the limit of " + std::to_string(kMaxTagsPerResource),
                  {}};
}

ApiError names_without_expressions() {
  return ApiError::validation("ExpressionAttributeNames can only be specified when using expressions");
}

ApiError values_without_expressions(std::string_view null_expressions) {
  return ApiError::validation("ExpressionAttributeValues can only be specified when using expressions: " +
                              std::string(null_expressions));
}

ApiError names_empty() { return ApiError::validation("ExpressionAttributeNames must not be empty"); }
ApiError values_empty() { return ApiError::validation("ExpressionAttributeValues must not be empty"); }

ApiError key_schema_mismatch() { return ApiError::validation("The provided key element does not match the schema"); }
ApiError duplicate_keys() { return ApiError::validation("Provided list of item keys contains duplicates"); }

ApiError item_in_several_transaction_actions() {
  return ApiError::validation("Transaction request cannot include multiple operations on one item");
}

ApiError updated_item_too_large() {
  return ApiError::validation("Item size to update has exceeded the maximum allowed size");
}

ApiError key_attribute_updated(std::string_view attribute) {
  return invalid_parameter("Cannot update attribute " + std::string(attribute) + ". This attribute is part of the key");
}

ApiError unknown_comparison_operator() { return ApiError::validation("Comparison type does not exist in DynamoDB"); }

ApiError first_key_not_hash() {
  return ApiError::validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
}

ApiError second_key_not_range() {
  return ApiError::validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
}

ApiError hash_and_range_same_name() {
  return ApiError::validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
}

ApiError throughput_with_pay_per_request() {
  return invalid_parameter(
      "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
}

ApiError invalid_start_key(std::string_view why) {
  std::string message = "The provided starting key is invalid";
  if (!why.empty()) message += ": " + std::string(why);
  return ApiError::validation(std::move(message));
}

ApiError key_condition_missed_key() { return ApiError::validation("Query condition missed key schema element"); }
ApiError key_condition_not_supported() { return ApiError::validation("Query key condition not supported"); }

}  // namespace eddy::errors
