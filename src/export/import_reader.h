// Reading ImportTable's data files (and `eddy import`'s): one file's bytes, decompressed, split into
// records by its format, each record turned into an item or counted as an error with its index.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "export/compression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::exports {

// Do not renumber: persisted in import records.
enum class InputFormat { kDynamoDbJson = 0, kIon = 1, kCsv = 2 };
const char* format_name(InputFormat format);  // "DYNAMODB_JSON", "ION", "CSV"

struct ImportSource {
  InputFormat format = InputFormat::kDynamoDbJson;
  Compression compression = Compression::kNone;
  char csv_delimiter = ',';
  std::vector<std::string> csv_header_list;  // empty: each file's first line is its header
  std::vector<KeyElement> key_types;         // the table's key attributes, for CSV's typed keys
};

// `index` is the record's 0-based position in its file (a line, or a CSV record).
using ItemSink = std::function<Result<void>(const Item& item, int64_t index)>;
using RecordErrorSink = std::function<void(int64_t index, const std::string& message)>;

// Reads every record of one file. A file that does not decompress, or CSV whose quotes do not
// close, is one error at index 0 and nothing more of it is read. A failure of `on_item` (the
// table's own refusal is the caller's to count) stops the read and is returned.
Result<void> read_data_file(std::string_view bytes, const ImportSource& source, const ItemSink& on_item,
                            const RecordErrorSink& on_error);

// Whether a key is one of an export's own files (manifests, checksums, _started) rather than data,
// so that a folder DynamoDB exported imports as it is.
bool is_export_metadata_key(std::string_view key);

}  // namespace eddy::exports
