// The iterative, depth-capped JSON parser; see json_parse.h.
#include "protocol/json_parse.h"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace eddy {
namespace {

// Forwards every SAX event to the document being built, refusing (which stops the parse) the
// object or array that would open one level too many.
class DepthLimit {
 public:
  DepthLimit(JsonDocument& document, std::size_t max_depth) : document_(document), max_depth_(max_depth) {}

  bool too_deep() const { return too_deep_; }

  // NOLINTBEGIN(readability-identifier-naming): the names RapidJSON's SAX handlers must have.
  bool Null() { return document_.Null(); }
  bool Bool(bool b) { return document_.Bool(b); }
  bool Int(int i) { return document_.Int(i); }
  bool Uint(unsigned i) { return document_.Uint(i); }
  bool Int64(int64_t i) { return document_.Int64(i); }
  bool Uint64(uint64_t i) { return document_.Uint64(i); }
  bool Double(double d) { return document_.Double(d); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool copy) {
    return document_.RawNumber(text, length, copy);
  }
  bool String(const char* text, rapidjson::SizeType length, bool copy) { return document_.String(text, length, copy); }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) { return document_.Key(text, length, copy); }
  bool StartObject() { return open() && document_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    return document_.EndObject(members);
  }
  bool StartArray() { return open() && document_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return document_.EndArray(elements);
  }
  // NOLINTEND(readability-identifier-naming)

 private:
  bool open() {
    if (++depth_ <= max_depth_) return true;
    too_deep_ = true;
    return false;
  }

  JsonDocument& document_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

JsonParseOutcome parse_json(std::string_view text, JsonDocument& document, std::size_t max_depth) {
  JsonParseOutcome outcome = JsonParseOutcome::kParsed;
  // Populate hands the generator the document's own SAX handler and keeps the value only when the
  // generator reports success; the reader's state stack lives on the heap (kParseIterativeFlag).
  auto generate = [&](JsonDocument& handler) {
    DepthLimit limit(handler, max_depth);
    rapidjson::MemoryStream stream(text.data(), text.size());
    rapidjson::Reader reader;
    auto result = reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag>(stream, limit);
    if (result.IsError()) {
      outcome = limit.too_deep() ? JsonParseOutcome::kTooDeep : JsonParseOutcome::kNotJson;
      return false;
    }
    // Only white space may follow the value.
    while (stream.Peek() == ' ' || stream.Peek() == '\n' || stream.Peek() == '\r' || stream.Peek() == '\t') {
      stream.Take();
    }
    if (stream.Tell() != text.size()) {
      outcome = JsonParseOutcome::kNotJson;
      return false;
    }
    return true;
  };
  document.SetNull();
  document.Populate(generate);
  return outcome;
}

}  // namespace eddy
