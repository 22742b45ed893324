// Item and table JSON; see items.h.
#include "items.h"

#include <cstdio>
#include <random>

namespace eddy::bench {
namespace {

constexpr std::size_t kPayloadBytes = 170;

// A fixed pseudo-random alphabet text; each item takes a window of it, so RocksDB cannot compress
// the data folder down to nothing and the size measured is honest.
const std::string& noise() {
  static const std::string text = [] {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::mt19937 random(7);
    std::string s(8192, 'a');
    for (auto& c : s) c = kAlphabet[random() % 62];
    return s;
  }();
  return text;
}

std::string payload_for(const std::string& key) {
  std::size_t offset = std::hash<std::string>{}(key) % (noise().size() - kPayloadBytes);
  return noise().substr(offset, kPayloadBytes);
}

}  // namespace

std::string preloaded_key(std::uint64_t index) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "k%07llu", static_cast<unsigned long long>(index));
  return buffer;
}

std::string item_json(const std::string& key) {
  return R"({"pk":{"S":")" + key + R"("},"c":{"N":"0"},"data":{"S":")" + payload_for(key) + R"("}})";
}

std::string item_json_with_sort(const std::string& key, std::uint64_t sort) {
  return R"({"pk":{"S":")" + key + R"("},"sk":{"N":")" + std::to_string(sort) + R"("},"c":{"N":"0"},"data":{"S":")" +
         payload_for(key + std::to_string(sort)) + R"("}})";
}

std::string batch_put_json(const std::string& table, std::uint64_t first, std::uint64_t count,
                           const std::string& key_prefix) {
  std::string body = R"({"RequestItems":{")" + table + R"(":[)";
  for (std::uint64_t i = 0; i < count; ++i) {
    if (i) body += ',';
    std::string key = key_prefix.empty() ? preloaded_key(first + i) : key_prefix + std::to_string(first + i);
    body += R"({"PutRequest":{"Item":)" + item_json(key) + "}}";
  }
  return body + "]}}";
}

std::string create_table_json(const std::string& table, bool with_sort_key, bool with_stream) {
  std::string body = R"({"TableName":")" + table + R"(","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[)";
  body += R"({"AttributeName":"pk","AttributeType":"S"})";
  if (with_sort_key) body += R"(,{"AttributeName":"sk","AttributeType":"N"})";
  body += R"(],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"})";
  if (with_sort_key) body += R"(,{"AttributeName":"sk","KeyType":"RANGE"})";
  body += "]";
  if (with_stream) body += R"(,"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"})";
  return body + "}";
}

}  // namespace eddy::bench
