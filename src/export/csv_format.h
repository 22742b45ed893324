// CSV, an import format (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html):
//   file   := [header] record*
//   record := field (delimiter field)* ('\n' | '\r\n' | end)
//   field  := raw | '"' (char | '""')* '"'
// The header names the columns unless InputFormatOptions.Csv.HeaderList does (then every line is a
// record). The key attributes take the types of the table's AttributeDefinitions (N, or B as
// base64); every other column is imported as a string, and an empty one is left out of the item.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::exports {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where it starts
  std::vector<std::string> fields;
};

// Splits `text` into records; a quoted field may hold delimiters and line breaks. A record with
// an unterminated quote is an error naming its line.
Result<std::vector<CsvRecord>> read_csv_records(std::string_view text, char delimiter);

// The item of one record under `header`; `key_types` gives the declared type of each key
// attribute. A ValidationException when a record has more fields than the header or lacks a key.
Result<Item> csv_item(const CsvRecord& record, const std::vector<std::string>& header,
                      const std::vector<KeyElement>& key_types);

}  // namespace eddy::exports
