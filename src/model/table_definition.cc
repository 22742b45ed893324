// TableDefinition's derived names (ARNs) and small queries.
#include "model/table_definition.h"

#include <algorithm>

namespace eddy {

std::vector<std::string> KeySchema::attribute_names() const {
  std::vector<std::string> names;
  for (const auto& element : partition_key) names.push_back(element.name);
  for (const auto& element : sort_key) names.push_back(element.name);
  return names;
}

bool KeySchema::contains(const std::string& attribute) const {
  auto named = [&](const KeyElement& element) { return element.name == attribute; };
  return std::any_of(partition_key.begin(), partition_key.end(), named) ||
         std::any_of(sort_key.begin(), sort_key.end(), named);
}

std::string TableDefinition::arn() const { return "arn:aws:dynamodb:" + region + ":" + account_id + ":table/" + name; }

std::string TableDefinition::stream_arn() const {
  if (stream.label.empty()) return {};
  return arn() + "/stream/" + stream.label;
}

const SecondaryIndex* TableDefinition::find_index(const std::string& index_name) const {
  for (const auto& index : local_indexes) {
    if (index.name == index_name) return &index;
  }
  for (const auto& index : global_indexes) {
    if (index.name == index_name) return &index;
  }
  return nullptr;
}

}  // namespace eddy
