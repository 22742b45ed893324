// Hand-written JSON strings are byte for byte what RapidJSON's Writer writes, for every byte value
// and at every position relative to the 8-byte fast path.
#include "protocol/json_text.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "protocol/json.h"

namespace eddy {
namespace {

std::string writer_string(const std::string& text) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string appended(const std::string& text) {
  std::string out = "prefix";
  append_json_string(out, text);
  return out.substr(6);
}

TEST(JsonText, EveryByteAtEveryOffsetMatchesTheWriter) {
  for (int byte = 1; byte < 256; ++byte) {
    for (std::size_t offset = 0; offset < 20; ++offset) {
      std::string text(offset, 'a');
      text += static_cast<char>(byte);
      text += "tail of plain text";
      EXPECT_EQ(appended(text), writer_string(text)) << "byte " << byte << " at " << offset;
    }
  }
}

TEST(JsonText, KnownEscapes) {
  EXPECT_EQ(appended(""), "\"\"");
  EXPECT_EQ(appended("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(appended("\n\t\r\b\f\x01\x1f"), "\"\\n\\t\\r\\b\\f\\u0001\\u001F\"");
  EXPECT_EQ(appended("caf\xc3\xa9 / \x7f"), "\"caf\xc3\xa9 / \x7f\"");
  EXPECT_EQ(appended(std::string("a\0b", 3)), "\"a\\u0000b\"");
}

TEST(JsonText, RandomTextMatchesTheWriter) {
  std::mt19937 random(11);
  for (int i = 0; i < 5000; ++i) {
    std::string text(random() % 64, ' ');
    for (auto& c : text) {
      // Mostly plain text, with quotes, backslashes, controls and high bytes mixed in.
      unsigned pick = random() % 20;
      c = pick == 0   ? '"'
          : pick == 1 ? '\\'
          : pick == 2 ? static_cast<char>(random() % 32)
          : pick == 3 ? static_cast<char>(128 + random() % 128)
                      : static_cast<char>('a' + random() % 26);
    }
    EXPECT_EQ(appended(text), writer_string(text));
  }
}

}  // namespace
}  // namespace eddy
