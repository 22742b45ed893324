// ImportTable's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html
// TableCreationParameters is read as a CreateTable request (its members are CreateTable's), so the
// new table passes CreateTable's checks and is created by CreateTable itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"
#include "protocol/requests/create_table.h"

namespace eddy::protocol {

struct S3BucketSource {
  std::optional<std::string> s3_bucket_owner;
  std::string s3_bucket;  // required
  std::optional<std::string> s3_key_prefix;
};

struct CsvOptions {
  std::optional<std::string> delimiter;                 // one of , ; : | \t and space; Default: ','
  std::optional<std::vector<std::string>> header_list;  // 1 to 255 names
};

struct InputFormatOptions {
  std::optional<CsvOptions> csv;
};

struct ImportTableRequest {
  std::optional<std::string> client_token;
  std::optional<S3BucketSource> s3_bucket_source;  // required
  std::optional<std::string> input_format;         // required: DYNAMODB_JSON | ION | CSV
  std::optional<InputFormatOptions> input_format_options;
  std::optional<std::string> input_compression_type;            // GZIP | ZSTD | NONE; Default: NONE
  std::optional<CreateTableRequest> table_creation_parameters;  // required
  std::string table_creation_parameters_json;                   // as sent, for DescribeImport
};

Result<ImportTableRequest> read_import_table(const JsonValue& json);

}  // namespace eddy::protocol
