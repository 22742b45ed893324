// ImportRecord as ImportTableDescription JSON; see import_record.h.
#include "ops/import_record.h"

#include "ops/json_members.h"
#include "protocol/json_parse.h"

namespace eddy::ops {
namespace {

void write_bucket_source(JsonWriter& w, const ImportRecord& r) {
  w.Key("S3BucketSource");
  w.StartObject();
  write_nonempty(w, "S3BucketOwner", r.s3_bucket_owner);
  write_nonempty(w, "S3Bucket", r.s3_bucket);
  write_nonempty(w, "S3KeyPrefix", r.s3_key_prefix);
  w.EndObject();
}

void write_format_options(JsonWriter& w, const ImportRecord& r) {
  if (!r.csv_delimiter && !r.csv_header_list) return;
  w.Key("InputFormatOptions");
  w.StartObject();
  w.Key("Csv");
  w.StartObject();
  if (r.csv_delimiter) write_nonempty(w, "Delimiter", *r.csv_delimiter);
  if (r.csv_header_list) {
    w.Key("HeaderList");
    w.StartArray();
    for (const auto& name : *r.csv_header_list) w.String(name.c_str());
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
}

void write_count(JsonWriter& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}

void read_format_options(const JsonValue& json, ImportRecord& r) {
  auto options = json.FindMember("InputFormatOptions");
  if (options == json.MemberEnd() || !options->value.IsObject()) return;
  auto csv = options->value.FindMember("Csv");
  if (csv == options->value.MemberEnd() || !csv->value.IsObject()) return;
  auto delimiter = csv->value.FindMember("Delimiter");
  if (delimiter != csv->value.MemberEnd() && delimiter->value.IsString())
    r.csv_delimiter = delimiter->value.GetString();
  auto headers = csv->value.FindMember("HeaderList");
  if (headers != csv->value.MemberEnd() && headers->value.IsArray()) {
    r.csv_header_list.emplace();
    for (const auto& name : headers->value.GetArray()) {
      if (name.IsString()) r.csv_header_list->push_back(name.GetString());
    }
  }
}

}  // namespace

void write_import_description(JsonWriter& w, const ImportRecord& r, bool summary) {
  write_nonempty(w, "ImportArn", r.import_arn);
  write_nonempty(w, "ImportStatus", r.import_status);
  write_nonempty(w, "TableArn", r.table_arn);
  if (!summary) {
    write_nonempty(w, "TableId", r.table_id);
    write_nonempty(w, "ClientToken", r.client_token);
  }
  write_bucket_source(w, r);
  if (!summary) write_count(w, "ErrorCount", r.error_count);
  write_nonempty(w, "CloudWatchLogGroupArn", r.cloudwatch_log_group_arn);
  write_nonempty(w, "InputFormat", r.input_format);
  if (!summary) {
    write_format_options(w, r);
    write_nonempty(w, "InputCompressionType", r.input_compression_type);
    if (!r.table_creation_parameters.empty()) {
      w.Key("TableCreationParameters");
      w.RawValue(r.table_creation_parameters.data(), r.table_creation_parameters.size(), rapidjson::kObjectType);
    }
  }
  write_time(w, "StartTime", r.start_time);
  write_time(w, "EndTime", r.end_time);
  if (summary) return;
  write_count(w, "ProcessedSizeBytes", r.processed_size_bytes);
  write_count(w, "ProcessedItemCount", r.processed_item_count);
  write_count(w, "ImportedItemCount", r.imported_item_count);
  write_nonempty(w, "FailureCode", r.failure_code);
  write_nonempty(w, "FailureMessage", r.failure_message);
}

std::optional<ImportRecord> read_import_record(const JsonValue& json) {
  if (!json.IsObject()) return std::nullopt;
  ImportRecord r;
  read_member(json, "ImportArn", r.import_arn);
  read_member(json, "ImportStatus", r.import_status);
  read_member(json, "TableArn", r.table_arn);
  read_member(json, "TableId", r.table_id);
  read_member(json, "ClientToken", r.client_token);
  if (auto source = json.FindMember("S3BucketSource"); source != json.MemberEnd() && source->value.IsObject()) {
    read_member(source->value, "S3BucketOwner", r.s3_bucket_owner);
    read_member(source->value, "S3Bucket", r.s3_bucket);
    read_member(source->value, "S3KeyPrefix", r.s3_key_prefix);
  }
  read_member(json, "ErrorCount", r.error_count);
  read_member(json, "CloudWatchLogGroupArn", r.cloudwatch_log_group_arn);
  read_member(json, "InputFormat", r.input_format);
  read_format_options(json, r);
  read_member(json, "InputCompressionType", r.input_compression_type);
  if (auto table = json.FindMember("TableCreationParameters"); table != json.MemberEnd() && table->value.IsObject()) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    table->value.Accept(writer);
    r.table_creation_parameters.assign(buffer.GetString(), buffer.GetSize());
  }
  read_member(json, "StartTime", r.start_time);
  read_member(json, "EndTime", r.end_time);
  read_member(json, "ProcessedSizeBytes", r.processed_size_bytes);
  read_member(json, "ProcessedItemCount", r.processed_item_count);
  read_member(json, "ImportedItemCount", r.imported_item_count);
  read_member(json, "FailureCode", r.failure_code);
  read_member(json, "FailureMessage", r.failure_message);
  if (r.import_arn.empty()) return std::nullopt;
  return r;
}

}  // namespace eddy::ops
