// Fuzz target: the stored item encoding (engine/item_codec.h) and the answer path that copies stored
// items without decoding them (ops/stored_item_json.h). An input that begins with '{' is read as an
// item in DynamoDB JSON, anything else as stored bytes (as a corrupt file would hand them over).
// Properties:
//   - decode_item(encode_item(item)) == item, for items from JSON and for whatever decodes;
//   - visit_item walks every encoding that decode_item reads;
//   - the JSON written straight from the bytes equals attribute_map_to_json of the decoded item, and
//     the size summed on the way equals item_size;
//   - corrupt bytes are refused (nullopt / false), never overread: ASan watches.
#include "engine/item_codec.h"
#include "fuzz_check.h"
#include "ops/stored_item_json.h"
#include "protocol/attribute_value_json.h"
#include "protocol/json_parse.h"

namespace {

using namespace eddy;

// Counts what the visitor sees; visit_item's own contract is only to walk without overreading.
class CountingVisitor : public engine::ItemVisitor {
 public:
  void begin_map(std::size_t) override { ++events; }
  void member_name(std::string_view) override { ++events; }
  void end_map() override { ++events; }
  void scalar(AttributeType, std::string_view) override { ++events; }
  void begin_set(AttributeType, std::size_t) override { ++events; }
  void set_member(std::string_view) override { ++events; }
  void end_set() override { ++events; }
  void begin_list(std::size_t) override { ++events; }
  void end_list() override { ++events; }
  void null_value() override { ++events; }
  void boolean(bool) override { ++events; }
  std::size_t events = 0;
};

void check_encoding_of(const Item& item) {
  std::string bytes = engine::encode_item(item);
  auto decoded = engine::decode_item(bytes);
  FUZZ_CHECK(decoded.has_value());
  FUZZ_CHECK(*decoded == item);
  FUZZ_CHECK(engine::encode_item(*decoded) == bytes);
  CountingVisitor visitor;
  FUZZ_CHECK(engine::visit_item(bytes, visitor));
  std::string json;
  std::size_t size = 0;
  FUZZ_CHECK(ops::append_stored_item_json(json, bytes, size));
  FUZZ_CHECK(json == attribute_map_to_json(item));
  FUZZ_CHECK(size == item_size(item));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = fuzz::text_of(data, size);
  if (!input.empty() && input.front() == '{') {
    JsonDocument document;
    if (parse_json(input, document) != JsonParseOutcome::kParsed) return 0;
    auto item = decode_attribute_map(document);
    if (item) check_encoding_of(*item);
    return 0;
  }
  CountingVisitor visitor;
  bool visited = engine::visit_item(input, visitor);
  std::string json = "unchanged";
  std::size_t item_bytes = 0;
  if (!ops::append_stored_item_json(json, input, item_bytes)) FUZZ_CHECK(json == "unchanged");
  auto item = engine::decode_item(input);
  if (!item) return 0;
  FUZZ_CHECK(visited);
  check_encoding_of(*item);
  return 0;
}
