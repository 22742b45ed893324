// EventSourceMapping: one Lambda-style event source mapping as plain data — which stream feeds
// which function, and how (Lambda's CreateEventSourceMapping members) — and the runtime facts that
// ListEventSourceMappings shows beside it. See docs/triggers.md for the model.
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eddy::triggers {

// Do not renumber: persisted (mapping_codec.cc writes the names, not the numbers, but tests compare).
enum class StartingPosition { kTrimHorizon, kLatest };
// Where a mapping was declared: the Lambda API, or --event-source-mappings (which alone may name
// an `exec:` command, and whose mappings follow the file across restarts).
enum class MappingOrigin { kApi, kFile };

// What CreateEventSourceMapping sets and UpdateEventSourceMapping may change. Defaults are
// Lambda's for a DynamoDB stream.
struct MappingSettings {
  std::string function_name;  // as given: a name, an ARN, an http(s) URL or "exec:..."
  bool enabled = true;
  int64_t batch_size = 100;                     // 1-10,000
  int64_t maximum_batching_window_seconds = 0;  // 0-300
  int64_t parallelization_factor = 1;           // 1-10
  std::vector<std::string> filter_patterns;     // FilterCriteria.Filters[].Pattern, as given
  bool has_filter_criteria = false;             // FilterCriteria was given (even with no filters)
  std::string on_failure_destination;           // DestinationConfig.OnFailure.Destination; "" = none
  int64_t maximum_record_age_seconds = -1;      // -1 (until the record expires) or 60-604,800
  bool bisect_batch_on_function_error = false;
  int64_t maximum_retry_attempts = -1;      // -1 (until the record expires) or 0-10,000
  int64_t tumbling_window_seconds = 0;      // 0 (none) to 900
  bool report_batch_item_failures = false;  // FunctionResponseTypes ["ReportBatchItemFailures"]

  bool operator==(const MappingSettings&) const = default;
};

struct EventSourceMapping {
  std::string uuid;
  std::string event_source_arn;  // the stream read; empty while a file mapping's table has none
  std::string table_name;        // a file mapping declared by TableName: it follows that table's stream
  StartingPosition starting_position = StartingPosition::kLatest;
  MappingSettings settings;
  std::string function_arn;
  std::string region = "us-east-1";
  double created_at = 0;     // epoch seconds
  double last_modified = 0;  // LastModified: the last change of its settings or state
  MappingOrigin origin = MappingOrigin::kApi;
};

// Progress of one shard as `eddy triggers list` and ListEventSourceMappings show it.
struct ShardProgress {
  std::string shard_id;
  std::string sequence_number;  // the last record acknowledged (delivered or filtered out); "" = none yet
  bool finished = false;        // closed and read to its end
  uint64_t lag_records = 0;     // records stored after the checkpoint
  double lag_seconds = 0;       // age of the oldest of them
};

// A mapping with what is known about it at the moment of asking.
struct MappingView {
  EventSourceMapping mapping;
  std::string state = "Creating";  // Creating, Enabled, Disabled, Updating, Deleting
  std::string state_transition_reason = "User action";
  std::string last_processing_result = "No records processed";
  std::vector<ShardProgress> shards;  // only when asked for (progress)
  bool busy = false;                  // a batch is being delivered
};

// Lambda's State for a settled mapping.
inline const char* settled_state(const EventSourceMapping& mapping) {
  return mapping.settings.enabled ? "Enabled" : "Disabled";
}

}  // namespace eddy::triggers
