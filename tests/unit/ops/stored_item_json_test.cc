// Items copied from their stored bytes give the same JSON as encoding the decoded Item, and the same
// size as item_size, for every type, nesting and string content.
#include "ops/stored_item_json.h"

#include <random>

#include <gtest/gtest.h>

#include "engine/item_codec.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

AttributeValue typed(AttributeType type, std::vector<std::string> members) {
  AttributeValue value;
  value.type = type;
  value.set = std::move(members);
  return value;
}

AttributeValue random_value(std::mt19937& random, int depth) {
  auto text = [&] {
    std::string s(random() % 12, 'x');
    for (auto& c : s) c = static_cast<char>(random() % 5 == 0 ? random() % 256 : 'a' + random() % 26);
    return s;
  };
  auto number = [&] {
    static constexpr const char* kNumbers[] = {"0",     "1",   "-1",     "12.5",
                                               "0.001", "100", "-99.99", "12345678901234567890"};
    return std::string(kNumbers[random() % 8]);
  };
  switch (random() % (depth > 2 ? 8 : 10)) {
    case 0: return AttributeValue::string(text());
    case 1: return AttributeValue::number(number());
    case 2: return AttributeValue::binary(text());
    case 3: return typed(AttributeType::kSS, {text() + "1", text() + "2"});
    case 4: return typed(AttributeType::kNS, {number(), "7"});
    case 5: return typed(AttributeType::kBS, {text() + "b", "c"});
    case 6: return AttributeValue::null();
    case 7: return AttributeValue::boolean_value(random() % 2 == 0);
    case 8: {
      AttributeValue list;
      list.type = AttributeType::kL;
      for (unsigned i = random() % 4; i > 0; --i) list.list.push_back(random_value(random, depth + 1));
      return list;
    }
    default: {
      AttributeValue map;
      map.type = AttributeType::kM;
      for (unsigned i = random() % 4; i > 0; --i) map.map[text()] = random_value(random, depth + 1);
      return map;
    }
  }
}

TEST(StoredItemJson, MatchesTheEncodedItemAndItsSize) {
  std::mt19937 random(5);
  for (int i = 0; i < 2000; ++i) {
    Item item;
    for (unsigned n = random() % 6; n > 0; --n)
      item["a" + std::to_string(random() % 50) + "\"\n"] = random_value(random, 0);
    std::string out = "[";
    std::size_t size = 0;
    ASSERT_TRUE(append_stored_item_json(out, engine::encode_item(item), size));
    EXPECT_EQ(out, "[" + attribute_map_to_json(item));
    EXPECT_EQ(size, item_size(item));
  }
}

TEST(StoredItemJson, CorruptBytesLeaveTheOutputAlone) {
  AttributeValue list;
  list.type = AttributeType::kL;
  list.list = {AttributeValue::number("1.5"), typed(AttributeType::kSS, {"a", "b"}), AttributeValue::null()};
  Item item{{"pk", AttributeValue::string("k")}, {"l", list}};
  std::string bytes = engine::encode_item(item);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    std::string out = "kept";
    std::size_t size = 0;
    EXPECT_FALSE(append_stored_item_json(out, std::string_view(bytes).substr(0, length), size)) << length;
    EXPECT_EQ(out, "kept");
  }
}

}  // namespace
}  // namespace eddy::ops
