// DYNAMODB_JSON lines; the grammar is in dynamodb_json_format.h.
#include "export/dynamodb_json_format.h"
#include "model/result.h"

#include "protocol/attribute_value_json.h"
#include "protocol/json_parse.h"

namespace eddy::exports {

std::string dynamodb_json_line(const Item& item) {
  std::string line = "{\"Item\":";
  line += attribute_map_to_json(item);
  line += "}\n";
  return line;
}

Result<Item> read_dynamodb_json_line(std::string_view line) {
  JsonDocument document;
  if (parse_json(line, document) != JsonParseOutcome::kParsed) {
    return validation_error("Unexpected token. The line is not valid JSON");
  }
  if (!document.IsObject()) return validation_error("The line is not a JSON object");
  auto found = document.FindMember("Item");
  if (found == document.MemberEnd() || !found->value.IsObject()) {
    return validation_error("The line has no \"Item\" object");
  }
  auto item = decode_attribute_map(found->value);
  if (!item) return validation_error(item.error().message);
  return std::move(*item);
}

}  // namespace eddy::exports
