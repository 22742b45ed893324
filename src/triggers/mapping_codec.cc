// The persisted descriptor of a mapping; see mapping_codec.h.
#include "triggers/mapping_codec.h"

#include "protocol/json.h"
#include "protocol/json_members.h"
#include "protocol/json_parse.h"

namespace eddy::triggers {
namespace {

void put_settings(JsonWriter& w, const MappingSettings& s) {
  put(w, "FunctionName", s.function_name);
  w.Key("Enabled");
  w.Bool(s.enabled);
  put(w, "BatchSize", s.batch_size);
  put(w, "MaximumBatchingWindowInSeconds", s.maximum_batching_window_seconds);
  put(w, "ParallelizationFactor", s.parallelization_factor);
  w.Key("HasFilterCriteria");
  w.Bool(s.has_filter_criteria);
  w.Key("FilterPatterns");
  w.StartArray();
  for (const auto& pattern : s.filter_patterns)
    w.String(pattern.data(), static_cast<rapidjson::SizeType>(pattern.size()));
  w.EndArray();
  put(w, "OnFailureDestination", s.on_failure_destination);
  put(w, "MaximumRecordAgeInSeconds", s.maximum_record_age_seconds);
  w.Key("BisectBatchOnFunctionError");
  w.Bool(s.bisect_batch_on_function_error);
  put(w, "MaximumRetryAttempts", s.maximum_retry_attempts);
  put(w, "TumblingWindowInSeconds", s.tumbling_window_seconds);
  w.Key("ReportBatchItemFailures");
  w.Bool(s.report_batch_item_failures);
}

std::string text_of(const JsonValue& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsString() ? found->value.GetString() : "";
}

int64_t integer_of(const JsonValue& object, const char* key, int64_t fallback) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsInt64() ? found->value.GetInt64() : fallback;
}

bool flag_of(const JsonValue& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsTrue();
}

double number_of(const JsonValue& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsNumber() ? found->value.GetDouble() : 0;
}

MappingSettings settings_of(const JsonValue& d) {
  MappingSettings s;
  s.function_name = text_of(d, "FunctionName");
  s.enabled = flag_of(d, "Enabled");
  s.batch_size = integer_of(d, "BatchSize", 100);
  s.maximum_batching_window_seconds = integer_of(d, "MaximumBatchingWindowInSeconds", 0);
  s.parallelization_factor = integer_of(d, "ParallelizationFactor", 1);
  s.has_filter_criteria = flag_of(d, "HasFilterCriteria");
  if (auto patterns = d.FindMember("FilterPatterns"); patterns != d.MemberEnd() && patterns->value.IsArray()) {
    for (const auto& pattern : patterns->value.GetArray()) {
      if (pattern.IsString()) s.filter_patterns.emplace_back(pattern.GetString(), pattern.GetStringLength());
    }
  }
  s.on_failure_destination = text_of(d, "OnFailureDestination");
  s.maximum_record_age_seconds = integer_of(d, "MaximumRecordAgeInSeconds", -1);
  s.bisect_batch_on_function_error = flag_of(d, "BisectBatchOnFunctionError");
  s.maximum_retry_attempts = integer_of(d, "MaximumRetryAttempts", -1);
  s.tumbling_window_seconds = integer_of(d, "TumblingWindowInSeconds", 0);
  s.report_batch_item_failures = flag_of(d, "ReportBatchItemFailures");
  return s;
}

}  // namespace

std::string encode_mapping(const EventSourceMapping& m) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "UUID", m.uuid);
  put(w, "EventSourceArn", m.event_source_arn);
  put(w, "TableName", m.table_name);
  put(w, "StartingPosition", std::string(m.starting_position == StartingPosition::kLatest ? "LATEST" : "TRIM_HORIZON"));
  put(w, "FunctionArn", m.function_arn);
  put(w, "Region", m.region);
  w.Key("CreatedAt");
  w.Double(m.created_at);
  w.Key("LastModified");
  w.Double(m.last_modified);
  put(w, "Origin", std::string(m.origin == MappingOrigin::kFile ? "file" : "api"));
  put_settings(w, m.settings);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<EventSourceMapping> decode_mapping(std::string_view text) {
  JsonDocument d;
  if (parse_json(text, d) != JsonParseOutcome::kParsed || !d.IsObject()) return std::nullopt;
  EventSourceMapping m;
  m.uuid = text_of(d, "UUID");
  if (m.uuid.empty()) return std::nullopt;
  m.event_source_arn = text_of(d, "EventSourceArn");
  m.table_name = text_of(d, "TableName");
  m.starting_position =
      text_of(d, "StartingPosition") == "TRIM_HORIZON" ? StartingPosition::kTrimHorizon : StartingPosition::kLatest;
  m.function_arn = text_of(d, "FunctionArn");
  m.region = text_of(d, "Region");
  m.created_at = number_of(d, "CreatedAt");
  m.last_modified = number_of(d, "LastModified");
  m.origin = text_of(d, "Origin") == "file" ? MappingOrigin::kFile : MappingOrigin::kApi;
  m.settings = settings_of(d);
  return m;
}

}  // namespace eddy::triggers
