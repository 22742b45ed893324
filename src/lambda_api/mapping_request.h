// The bodies of CreateEventSourceMapping and UpdateEventSourceMapping (and the entries of
// --event-source-mappings, which are CreateEventSourceMapping requests that may say TableName for
// EventSourceArn and name an `exec:` command), read in Lambda's order:
//  1. each member's JSON type: InvalidRequestContentException;
//  2. the model's constraints, reported together: ValidationException "N validation error(s)
//     detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value
//     greater than or equal to 1; ...";
//  3. what a DynamoDB stream source allows: InvalidParameterValueException.
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
// https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"
#include "triggers/event_source_mapping.h"

namespace eddy::lambda_api {

// The members a request gave (absent members stay nullopt).
struct MappingMembers {
  std::optional<std::string> function_name;
  std::optional<std::string> event_source_arn;
  std::optional<std::string> table_name;  // the mappings file only
  std::optional<std::string> starting_position;
  bool starting_position_timestamp = false;
  std::optional<bool> enabled;
  std::optional<int64_t> batch_size;
  std::optional<int64_t> maximum_batching_window_seconds;
  std::optional<int64_t> parallelization_factor;
  std::optional<std::vector<std::string>> filter_patterns;  // FilterCriteria given
  std::optional<std::string> on_failure_destination;        // DestinationConfig given ("" = none)
  bool on_success = false;                                  // DestinationConfig.OnSuccess given
  std::optional<int64_t> maximum_record_age_seconds;
  std::optional<bool> bisect_batch_on_function_error;
  std::optional<int64_t> maximum_retry_attempts;
  std::optional<int64_t> tumbling_window_seconds;
  std::optional<std::vector<std::string>> function_response_types;
  std::vector<std::string> other_sources_members;  // members for Kafka, SQS, MQ, DocumentDB sources
};

// Steps 1 and 2. `create`: FunctionName is required.
Result<MappingMembers> read_mapping_members(const JsonValue& body, bool create);

// Step 3 for CreateEventSourceMapping, and the mapping it asks for with Lambda's defaults.
Result<triggers::EventSourceMapping> mapping_to_create(const MappingMembers& members, triggers::MappingOrigin origin);

// Step 3 for UpdateEventSourceMapping, applied to a copy of the current settings.
Result<void> apply_update(const MappingMembers& members, triggers::MappingSettings& settings);

}  // namespace eddy::lambda_api
