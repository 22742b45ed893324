// Rendering a mapping as Lambda's EventSourceMappingConfiguration; see mapping_json.h.
#include "lambda_api/mapping_json.h"

#include <algorithm>
#include <cmath>

#include "protocol/json_members.h"

namespace eddy::lambda_api {
namespace {

// Lambda's timestamps are epoch seconds with milliseconds: 1560209851.963.
void put_time(JsonWriter& w, const char* key, double seconds) {
  w.Key(key);
  w.Double(std::round(seconds * 1000) / 1000);
}

void write_progress(JsonWriter& w, const triggers::MappingView& view) {
  uint64_t lag_records = 0;
  double lag_seconds = 0;
  w.Key("EddyProgress");
  w.StartObject();
  put(w, "TableName", view.mapping.table_name);
  w.Key("Busy");
  w.Bool(view.busy);
  w.Key("Shards");
  w.StartArray();
  for (const auto& shard : view.shards) {
    w.StartObject();
    put(w, "ShardId", shard.shard_id);
    put(w, "SequenceNumber", shard.sequence_number);
    w.Key("Finished");
    w.Bool(shard.finished);
    w.Key("LagRecords");
    w.Uint64(shard.lag_records);
    put_time(w, "LagSeconds", shard.lag_seconds);
    w.EndObject();
    lag_records += shard.lag_records;
    lag_seconds = std::max(lag_seconds, shard.lag_seconds);
  }
  w.EndArray();
  w.Key("LagRecords");
  w.Uint64(lag_records);
  put_time(w, "LagSeconds", lag_seconds);
  w.EndObject();
}

}  // namespace

void write_mapping(JsonWriter& w, const triggers::MappingView& view, bool progress) {
  const triggers::EventSourceMapping& m = view.mapping;
  const triggers::MappingSettings& s = m.settings;
  w.StartObject();
  put(w, "UUID", m.uuid);
  put(w, "StartingPosition",
      std::string(m.starting_position == triggers::StartingPosition::kLatest ? "LATEST" : "TRIM_HORIZON"));
  put(w, "BatchSize", s.batch_size);
  put(w, "MaximumBatchingWindowInSeconds", s.maximum_batching_window_seconds);
  put(w, "ParallelizationFactor", s.parallelization_factor);
  if (!m.event_source_arn.empty()) put(w, "EventSourceArn", m.event_source_arn);
  if (s.has_filter_criteria) {
    w.Key("FilterCriteria");
    w.StartObject();
    w.Key("Filters");
    w.StartArray();
    for (const auto& pattern : s.filter_patterns) {
      w.StartObject();
      put(w, "Pattern", pattern);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  put(w, "FunctionArn", m.function_arn);
  put_time(w, "LastModified", m.last_modified);
  put(w, "LastProcessingResult", view.last_processing_result);
  put(w, "State", view.state);
  put(w, "StateTransitionReason", view.state_transition_reason);
  w.Key("DestinationConfig");
  w.StartObject();
  w.Key("OnFailure");
  w.StartObject();
  if (!s.on_failure_destination.empty()) put(w, "Destination", s.on_failure_destination);
  w.EndObject();
  w.EndObject();
  put(w, "MaximumRecordAgeInSeconds", s.maximum_record_age_seconds);
  w.Key("BisectBatchOnFunctionError");
  w.Bool(s.bisect_batch_on_function_error);
  put(w, "MaximumRetryAttempts", s.maximum_retry_attempts);
  put(w, "TumblingWindowInSeconds", s.tumbling_window_seconds);
  w.Key("FunctionResponseTypes");
  w.StartArray();
  if (s.report_batch_item_failures) w.String("ReportBatchItemFailures");
  w.EndArray();
  if (progress) write_progress(w, view);
  w.EndObject();
}

std::string mapping_json(const triggers::MappingView& view, bool progress) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_mapping(writer, view, progress);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::lambda_api
