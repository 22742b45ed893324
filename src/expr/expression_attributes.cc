// ExpressionAttributes: the request's placeholders and the unused-placeholder check.
#include "expr/expression.h"

namespace eddy::expr {
namespace {

// "{#a, #b}" over the supplied keys that no expression used, in key order.
std::string unused_keys(const std::set<std::string>& used, const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& key : keys) {
    if (used.count(key)) continue;
    out += out.empty() ? key : ", " + key;
  }
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
    if (!unused.empty()) return validation_error("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + unused + "}");
  }
  if (values_ != nullptr) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : *values_) keys.push_back(key);
    std::string unused = unused_keys(used_values_, keys);
    if (!unused.empty()) return validation_error("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + unused + "}");
  }
  return {};
}

}  // namespace eddy::expr
