// ImportTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html
// The new table is made by CreateTable itself from TableCreationParameters (read as a CreateTable
// request), so it passes the same checks and gets the same ids, GSIs and description; then
// TransferJobs' thread reads the data files into it (ops/import_job.h); the table is CREATING until
// then, as on AWS.
#include "export/s3_folder.h"
#include "model/result.h"
#include "ops/import_job.h"
#include "ops/operations.h"
#include "ops/transfer_lookup.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {
namespace {

constexpr double kClientTokenSeconds = 8 * 3600;

std::string description_response(const ImportRecord& record) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("ImportTableDescription");
  w.StartObject();
  write_import_description(w, record);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

exports::ImportSource source_of(const p::ImportTableRequest& request, const TableDefinition& table) {
  exports::ImportSource source;
  const std::string& format = *request.input_format;
  source.format = format == "ION"   ? exports::InputFormat::kIon
                  : format == "CSV" ? exports::InputFormat::kCsv
                                    : exports::InputFormat::kDynamoDbJson;
  std::string compression = request.input_compression_type.value_or("NONE");
  source.compression = compression == "GZIP"   ? exports::Compression::kGzip
                       : compression == "ZSTD" ? exports::Compression::kZstd
                                               : exports::Compression::kNone;
  if (request.input_format_options && request.input_format_options->csv) {
    const auto& csv = *request.input_format_options->csv;
    if (csv.delimiter) source.csv_delimiter = (*csv.delimiter)[0];
    if (csv.header_list) source.csv_header_list = *csv.header_list;
  }
  for (const auto& element : table.key.partition_key) source.key_types.push_back(element);
  for (const auto& element : table.key.sort_key) source.key_types.push_back(element);
  return source;
}

ImportRecord record_of(RequestContext& context, const p::ImportTableRequest& request, const TableDefinition& table,
                       const std::string& import_id, double now) {
  ImportRecord record;
  record.import_arn = table.arn() + "/import/" + import_id;
  record.table_arn = table.arn();
  record.table_id = table.table_id;
  record.client_token = request.client_token.value_or("");
  const auto& source = *request.s3_bucket_source;
  record.s3_bucket_owner = source.s3_bucket_owner.value_or("");
  record.s3_bucket = source.s3_bucket;
  record.s3_key_prefix = source.s3_key_prefix.value_or("");
  record.cloudwatch_log_group_arn =
      "arn:aws:logs:" + context.region + ":" + context.state.settings.account_id + ":log-group:/aws-dynamodb/imports:*";
  record.input_format = *request.input_format;
  if (request.input_format_options && request.input_format_options->csv) {
    record.csv_delimiter = request.input_format_options->csv->delimiter;
    record.csv_header_list = request.input_format_options->csv->header_list;
  }
  record.input_compression_type = request.input_compression_type.value_or("NONE");
  record.table_creation_parameters = request.table_creation_parameters_json;
  record.start_time = static_cast<double>(static_cast<int64_t>(now * 1000)) / 1000;
  return record;
}

}  // namespace

Result<std::string> import_table(RequestContext& context, const p::ImportTableRequest& request) {
  EDDY_TRY(TransferJobs * jobs, transfer_jobs(context));
  const auto& source = *request.s3_bucket_source;
  EDDY_TRY_VOID(exports::check_key_prefix(source.s3_key_prefix.value_or(""), "S3KeyPrefix"));
  EDDY_TRY(auto bucket, exports::bucket_folder(jobs->s3_dir(), source.s3_bucket));
  double now = context.now();
  if (request.client_token) {
    for (const auto& earlier : jobs->imports()) {
      if (earlier.client_token != *request.client_token || now - earlier.start_time > kClientTokenSeconds) continue;
      if (earlier.table_creation_parameters == request.table_creation_parameters_json &&
          earlier.s3_bucket == source.s3_bucket && earlier.s3_key_prefix == source.s3_key_prefix.value_or("") &&
          earlier.input_format == *request.input_format) {
        return description_response(earlier);
      }
      return fail(ApiError{
          ErrorCode::kImportConflict,
          "An import with ClientToken " + *request.client_token + " was already requested with different parameters",
          {}});
    }
  }
  EDDY_TRY_VOID(create_table(context, *request.table_creation_parameters));
  // As on AWS, the table is CREATING while its data is read in, and ACTIVE after.
  EDDY_TRY(engine::TablePtr table, context.database().catalog().modify(request.table_creation_parameters->table.name,
                                                                       [](TableDefinition& stored) -> Result<void> {
                                                                         stored.status = "CREATING";
                                                                         return {};
                                                                       }));
  if (!table) return fail(ApiError::internal("The imported table vanished as it was created"));
  ImportJob job;
  job.import_id = new_transfer_id(now);
  job.table = table;
  job.bucket = bucket;
  job.source = source_of(request, *table);
  job.record = record_of(context, request, *table, job.import_id, now);
  job.pause_after_items = context.state.settings.pause_transfers_after_items;
  EDDY_TRY_VOID(jobs->put_import(job.record));
  engine::Database& database = context.database();
  const Clock& clock = context.state.clock;
  jobs->run([&database, jobs, &clock, job] { perform_import(database, *jobs, clock, job); });
  return description_response(job.record);
}

}  // namespace eddy::ops
