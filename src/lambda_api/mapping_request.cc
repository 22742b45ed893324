// Reading and checking the members of the mapping requests; see mapping_request.h.
#include "lambda_api/mapping_request.h"

#include "lambda_api/member_reading.h"

namespace eddy::lambda_api {
namespace {

ApiError invalid(std::string message) { return ApiError{ErrorCode::kInvalidParameterValue, std::move(message), {}}; }

// Members of other kinds of event source, which a DynamoDB stream's mapping may not have.
constexpr const char* kOtherSourcesMembers[] = {"Topics",
                                                "Queues",
                                                "SourceAccessConfigurations",
                                                "SelfManagedEventSource",
                                                "AmazonManagedKafkaEventSourceConfig",
                                                "SelfManagedKafkaEventSourceConfig",
                                                "DocumentDBEventSourceConfig",
                                                "ScalingConfig"};

Result<void> read_filters(const JsonValue& body, MappingMembers& members, Violations& violations) {
  EDDY_LAMBDA_TRY(const JsonValue* criteria, read_object(body, "FilterCriteria"));
  if (criteria == nullptr) return {};
  EDDY_LAMBDA_TRY(const JsonValue* filters, read_array(*criteria, "Filters"));
  members.filter_patterns.emplace();
  if (filters == nullptr) return {};
  rapidjson::SizeType index = 0;
  for (const auto& filter : filters->GetArray()) {
    ++index;
    if (!filter.IsObject()) return fail(wrong_type("Filters"));
    EDDY_LAMBDA_TRY(auto pattern, read_string(filter, "Pattern"));
    if (!pattern) return fail(invalid("Invalid filter pattern definition."));
    violations.length("filterCriteria.filters." + std::to_string(index) + ".member.pattern", *pattern, 0, 4096);
    members.filter_patterns->push_back(*pattern);
  }
  return {};
}

Result<void> read_destinations(const JsonValue& body, MappingMembers& members, Violations& violations) {
  EDDY_LAMBDA_TRY(const JsonValue* config, read_object(body, "DestinationConfig"));
  if (config == nullptr) return {};
  EDDY_LAMBDA_TRY(const JsonValue* on_failure, read_object(*config, "OnFailure"));
  EDDY_LAMBDA_TRY(const JsonValue* on_success, read_object(*config, "OnSuccess"));
  members.on_success = on_success != nullptr && on_success->HasMember("Destination");
  members.on_failure_destination = "";
  if (on_failure == nullptr) return {};
  EDDY_LAMBDA_TRY(auto destination, read_string(*on_failure, "Destination"));
  if (destination) {
    violations.length("destinationConfig.onFailure.destination", *destination, 0, 350);
    members.on_failure_destination = *destination;
  }
  return {};
}

void check_ranges(const MappingMembers& m, Violations& violations) {
  violations.range("batchSize", m.batch_size, 1, 10000);
  violations.range("maximumBatchingWindowInSeconds", m.maximum_batching_window_seconds, 0, 300);
  violations.range("parallelizationFactor", m.parallelization_factor, 1, 10);
  violations.range("maximumRecordAgeInSeconds", m.maximum_record_age_seconds, -1, 604800);
  violations.range("maximumRetryAttempts", m.maximum_retry_attempts, -1, 10000);
  violations.range("tumblingWindowInSeconds", m.tumbling_window_seconds, 0, 900);
  if (m.starting_position && *m.starting_position != "TRIM_HORIZON" && *m.starting_position != "LATEST" &&
      *m.starting_position != "AT_TIMESTAMP") {
    violations.add("startingPosition", *m.starting_position,
                   "Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
  }
  if (m.function_response_types) {
    std::string list = "[";
    bool bad = m.function_response_types->size() > 1;
    for (const auto& type : *m.function_response_types) {
      list += (list.size() > 1 ? ", " : "") + type;
      bad = bad || type != "ReportBatchItemFailures";
    }
    list += "]";
    if (bad) {
      violations.add(
          "functionResponseTypes", list,
          m.function_response_types->size() > 1
              ? "Member must have length less than or equal to 1"
              : "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
    }
  }
}

// What a DynamoDB stream's mapping may not say, in both requests.
Result<void> check_stream_source(const MappingMembers& m) {
  if (!m.other_sources_members.empty()) {
    return fail(
        invalid("Unsupported parameter for a DynamoDB stream event source: " + m.other_sources_members.front()));
  }
  if (m.on_success)
    return fail(invalid("Unsupported DestinationConfig parameter for given event source mapping type."));
  if (m.maximum_record_age_seconds && *m.maximum_record_age_seconds >= 0 && *m.maximum_record_age_seconds < 60) {
    return fail(invalid("MaximumRecordAgeInSeconds must be -1 or between 60 and 604800."));
  }
  return {};
}

}  // namespace

Result<MappingMembers> read_mapping_members(const JsonValue& body, bool create) {
  MappingMembers m;
  EDDY_LAMBDA_TRY(m.function_name, read_string(body, "FunctionName"));
  EDDY_LAMBDA_TRY(m.event_source_arn, read_string(body, "EventSourceArn"));
  EDDY_LAMBDA_TRY(m.table_name, read_string(body, "TableName"));
  EDDY_LAMBDA_TRY(m.starting_position, read_string(body, "StartingPosition"));
  m.starting_position_timestamp =
      body.HasMember("StartingPositionTimestamp") && !body["StartingPositionTimestamp"].IsNull();
  EDDY_LAMBDA_TRY(m.enabled, read_bool(body, "Enabled"));
  EDDY_LAMBDA_TRY(m.batch_size, read_integer(body, "BatchSize"));
  EDDY_LAMBDA_TRY(m.maximum_batching_window_seconds, read_integer(body, "MaximumBatchingWindowInSeconds"));
  EDDY_LAMBDA_TRY(m.parallelization_factor, read_integer(body, "ParallelizationFactor"));
  EDDY_LAMBDA_TRY(m.maximum_record_age_seconds, read_integer(body, "MaximumRecordAgeInSeconds"));
  EDDY_LAMBDA_TRY(m.bisect_batch_on_function_error, read_bool(body, "BisectBatchOnFunctionError"));
  EDDY_LAMBDA_TRY(m.maximum_retry_attempts, read_integer(body, "MaximumRetryAttempts"));
  EDDY_LAMBDA_TRY(m.tumbling_window_seconds, read_integer(body, "TumblingWindowInSeconds"));
  EDDY_LAMBDA_TRY(m.function_response_types, read_string_list(body, "FunctionResponseTypes"));
  for (const char* name : kOtherSourcesMembers) {
    if (body.HasMember(name) && !body[name].IsNull()) m.other_sources_members.push_back(name);
  }
  Violations violations;
  EDDY_LAMBDA_TRY_VOID(read_filters(body, m, violations));
  EDDY_LAMBDA_TRY_VOID(read_destinations(body, m, violations));
  if (create && !m.function_name) violations.add("functionName", std::nullopt, "Member must not be null");
  if (m.function_name)
    violations.length("functionName", *m.function_name, 1,
                      m.function_name->starts_with("exec:") || m.function_name->starts_with("http") ? 2048 : 140);
  check_ranges(m, violations);
  EDDY_LAMBDA_TRY_VOID(violations.result());
  return m;
}

Result<triggers::EventSourceMapping> mapping_to_create(const MappingMembers& m, triggers::MappingOrigin origin) {
  triggers::EventSourceMapping mapping;
  mapping.origin = origin;
  if (origin == triggers::MappingOrigin::kFile && m.table_name && !m.event_source_arn)
    mapping.table_name = *m.table_name;
  if (!m.event_source_arn && mapping.table_name.empty()) return fail(invalid("Unrecognized event source."));
  mapping.event_source_arn = m.event_source_arn.value_or("");
  EDDY_LAMBDA_TRY_VOID(check_stream_source(m));
  if (!m.starting_position) {
    return fail(
        invalid("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: "
                "Member must not be null."));
  }
  if (*m.starting_position == "AT_TIMESTAMP" || m.starting_position_timestamp) {
    return fail(invalid("Unsupported starting position for arn type: " +
                        (mapping.event_source_arn.empty() ? mapping.table_name : mapping.event_source_arn)));
  }
  mapping.starting_position =
      *m.starting_position == "LATEST" ? triggers::StartingPosition::kLatest : triggers::StartingPosition::kTrimHorizon;
  mapping.settings.function_name = *m.function_name;
  return apply_update(m, mapping.settings).map([&] { return mapping; });
}

Result<void> apply_update(const MappingMembers& m, triggers::MappingSettings& s) {
  EDDY_LAMBDA_TRY_VOID(check_stream_source(m));
  if (m.function_name) s.function_name = *m.function_name;
  if (m.enabled) s.enabled = *m.enabled;
  if (m.batch_size) s.batch_size = *m.batch_size;
  if (m.maximum_batching_window_seconds) s.maximum_batching_window_seconds = *m.maximum_batching_window_seconds;
  if (m.parallelization_factor) s.parallelization_factor = *m.parallelization_factor;
  if (m.filter_patterns) {
    s.filter_patterns = *m.filter_patterns;
    s.has_filter_criteria = true;
  }
  if (m.on_failure_destination) s.on_failure_destination = *m.on_failure_destination;
  if (m.maximum_record_age_seconds) s.maximum_record_age_seconds = *m.maximum_record_age_seconds;
  if (m.bisect_batch_on_function_error) s.bisect_batch_on_function_error = *m.bisect_batch_on_function_error;
  if (m.maximum_retry_attempts) s.maximum_retry_attempts = *m.maximum_retry_attempts;
  if (m.tumbling_window_seconds) s.tumbling_window_seconds = *m.tumbling_window_seconds;
  if (m.function_response_types) s.report_batch_item_failures = !m.function_response_types->empty();
  return {};
}

}  // namespace eddy::lambda_api
