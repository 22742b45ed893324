// ExpressionAttributes: the request's placeholders and the unused-placeholder check.
#include <algorithm>
#include <cstdint>

#include "expr/expression.h"

namespace eddy::expr {
namespace {

// Java's String.hashCode over UTF-16 code units, spread as java.util.HashMap does.
int32_t java_hash(const std::string& key) {
  uint32_t h = 0;
  for (std::size_t i = 0; i < key.size();) {
    auto c = static_cast<unsigned char>(key[i]);
    uint32_t code = c;
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n > 1) code = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n && i + k < key.size(); ++k) code = (code << 6) | (key[i + k] & 0x3F);
    i += n;
    if (code >= 0x10000) {
      code -= 0x10000;
      h = h * 31 + (0xD800 + (code >> 10));
      h = h * 31 + (0xDC00 + (code & 0x3FF));
    } else {
      h = h * 31 + code;
    }
  }
  return static_cast<int32_t>(h ^ (h >> 16));
}

// "#a, #b" over the supplied keys no expression used. DynamoDB lists them in the iteration
// order of a Java HashSet copied from all supplied keys, which this reproduces (bucket order,
// then the order given) so that messages match byte for byte.
std::string unused_keys(const std::set<std::string>& used, const std::vector<std::string>& keys) {
  std::size_t wanted = std::max<std::size_t>(static_cast<std::size_t>(static_cast<float>(keys.size()) / 0.75f) + 1, 16);
  std::size_t buckets = 1;
  while (buckets < wanted) buckets <<= 1;
  std::vector<std::pair<std::size_t, const std::string*>> unused;
  for (const std::string& key : keys) {
    if (!used.count(key)) unused.emplace_back(static_cast<uint32_t>(java_hash(key)) & (buckets - 1), &key);
  }
  std::stable_sort(unused.begin(), unused.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [bucket, key] : unused) out += out.empty() ? *key : ", " + *key;
  return out;
}

}  // namespace

ExpressionAttributes::ExpressionAttributes(const std::map<std::string, std::string>* names, const AttributeMap* values)
    : names_(names), values_(values) {}

Result<void> ExpressionAttributes::check_all_used() const {
  if (names_ != nullptr) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : *names_) keys.push_back(key);
    std::string unused = unused_keys(used_names_, keys);
    if (!unused.empty())
      return validation_error("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + unused +
                              "}");
  }
  if (values_ != nullptr) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : *values_) keys.push_back(key);
    std::string unused = unused_keys(used_values_, keys);
    if (!unused.empty())
      return validation_error("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + unused +
                              "}");
  }
  return {};
}

}  // namespace eddy::expr
