// ION, the export and import format of one item per line in Amazon Ion's text form:
//   line   := '$ion_1_0 ' '{Item:' struct '}' '\n'
//   value  := string | decimal | blob | bool | null | list | struct | set
//   set    := ('$dynamodb_SS' | '$dynamodb_NS' | '$dynamodb_BS') '::' list
// S is an Ion string, N a decimal ("103.", "1.5"), B a blob ({{base64}}), BOOL a bool, NULL null,
// L a list, M a struct, and the sets lists annotated with their type, as DynamoDB's exports write
// them (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html).
// The reader takes what Ion allows in those places besides: ints, decimals with a 'd' exponent,
// quoted field names, typed nulls (null.string), comments, the version marker anywhere at the
// top level. It reads one line at a time, so a value may not span lines.
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::exports {

// The item's line, '\n' included.
std::string ion_line(const Item& item);
// The item as an Ion struct ({n:103.,pk:"a"}), for lines of other shapes (incremental_record.h).
std::string ion_struct(const Item& item);
// The item of one line (without its '\n'); a ValidationException saying what is wrong with it.
Result<Item> read_ion_line(std::string_view line);
// Whether a line holds no value (blank, a comment or only the version marker), so holds no item.
bool ion_line_is_empty(std::string_view line);

}  // namespace eddy::exports
