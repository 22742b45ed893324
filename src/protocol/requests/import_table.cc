// ImportTable's request declared; see import_table.h.
#include "protocol/requests/import_table.h"

#include "model/result.h"
#include "protocol/json_reading.h"
#include "protocol/requests/transfer_members.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

using R = ImportTableRequest;

constexpr std::string_view kInputFormats[] = {"DYNAMODB_JSON", "ION", "CSV"};
constexpr std::string_view kCompressionTypes[] = {"GZIP", "ZSTD", "NONE"};

const Shape<S3BucketSource>& bucket_source_shape() {
  using S = S3BucketSource;
  static const Shape<S> shape{"S3BucketSource",
                              {
                                  member("S3BucketOwner", &S::s3_bucket_owner),
                                  member("S3Bucket", &S::s3_bucket, {required(), length(0, 255)}),
                                  member("S3KeyPrefix", &S::s3_key_prefix, {length(0, 1024)}),
                              }};
  return shape;
}

const Shape<CsvOptions>& csv_shape() {
  using S = CsvOptions;
  static const Shape<S> shape{"CsvOptions",
                              {
                                  member("Delimiter", &S::delimiter, {length(1, 1)}),
                                  member("HeaderList", &S::header_list, {length(1, 255)}),
                              }};
  return shape;
}

const Shape<InputFormatOptions>& format_options_shape() {
  using S = InputFormatOptions;
  static const Shape<S> shape{"InputFormatOptions", {member("Csv", &S::csv, csv_shape())}};
  return shape;
}

Result<void> read_creation_parameters(const JsonValue* value, R& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_structure(*value, "TableCreationParameters", Position::kMember));
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  value->Accept(writer);
  out.table_creation_parameters_json.assign(buffer.GetString(), buffer.GetSize());
  EDDY_TRY(CreateTableRequest table, read_create_table(*value));
  out.table_creation_parameters = std::move(table);
  return {};
}

Result<void> check_request(R& request, const JsonValue&) {
  EDDY_TRY_VOID(check_client_token(request.client_token));
  if (request.input_format_options && request.input_format_options->csv) {
    const auto& delimiter = request.input_format_options->csv->delimiter;
    if (delimiter && std::string_view(",;:|\t ").find(*delimiter) == std::string_view::npos) {
      return validation_error("1 validation error detected: Value '" + *delimiter +
                              "' at 'inputFormatOptions.csv.delimiter' failed to satisfy constraint: Member must "
                              "satisfy regular expression pattern: [,;:|\\t ]");
    }
  }
  return {};
}

}  // namespace

Result<ImportTableRequest> read_import_table(const JsonValue& json) {
  static const Shape<R> shape{
      {
          member("ClientToken", &R::client_token),
          member("S3BucketSource", &R::s3_bucket_source, bucket_source_shape(), {required()}),
          member("InputFormat", &R::input_format, {required(), one_of(kInputFormats)}),
          member("InputFormatOptions", &R::input_format_options, format_options_shape()),
          member("InputCompressionType", &R::input_compression_type, {one_of(kCompressionTypes)}),
          custom_member<R>("TableCreationParameters", read_creation_parameters, {required()}),
      },
      {check_request}};
  return shape.read(json);
}

}  // namespace eddy::protocol
