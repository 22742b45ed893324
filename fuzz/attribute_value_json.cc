// Fuzz target: request JSON (protocol/json_parse.h, the iterative parser with its depth cap) and the
// AttributeValue codec (protocol/attribute_value_json.h). An object is decoded as an item, anything
// else as one value. Properties, for whatever decodes: encoding and decoding again gives an equal
// value and the same JSON text (decode ∘ encode = identity on what DynamoDB accepts), and the
// size DynamoDB bills for it is the same both times.
#include "protocol/attribute_value_json.h"
#include "fuzz_check.h"
#include "model/attribute_value.h"
#include "protocol/json_parse.h"

namespace {

using namespace eddy;

std::string encoded(const AttributeValue& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  encode_attribute_value(writer, value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

void check_item(const JsonValue& json) {
  auto item = decode_attribute_map(json);
  if (!item) return;
  std::string text = attribute_map_to_json(*item);
  JsonDocument again;
  FUZZ_CHECK(parse_json(text, again) == JsonParseOutcome::kParsed);
  auto decoded = decode_attribute_map(again);
  FUZZ_CHECK(decoded.has_value());
  FUZZ_CHECK(*decoded == *item);
  FUZZ_CHECK(attribute_map_to_json(*decoded) == text);
  FUZZ_CHECK(item_size(*decoded) == item_size(*item));
}

void check_value(const JsonValue& json) {
  auto value = decode_attribute_value(json);
  if (!value) return;
  std::string text = encoded(*value);
  JsonDocument again;
  FUZZ_CHECK(parse_json(text, again) == JsonParseOutcome::kParsed);
  auto decoded = decode_attribute_value(again);
  FUZZ_CHECK(decoded.has_value());
  FUZZ_CHECK(*decoded == *value);
  FUZZ_CHECK(encoded(*decoded) == text);
  FUZZ_CHECK(attribute_value_size(*decoded) == attribute_value_size(*value));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  JsonDocument document;
  if (parse_json(fuzz::text_of(data, size), document) != JsonParseOutcome::kParsed) return 0;
  // Both readings of an object: as an item ({"a": {"S": "x"}}) and as a value ({"S": "x"}).
  if (document.IsObject()) check_item(document);
  check_value(document);
  return 0;
}
