// ExclusiveStartKey shape checks; see read_start_key.h.
#include "ops/read_start_key.h"

#include "model/errors.h"

namespace eddy::ops {

ApiError start_key_schema_mismatch() { return errors::invalid_start_key(errors::key_schema_mismatch().message); }

Result<void> check_start_key_shape(const ReadRequest& read, const Item& start, const ApiError& invalid,
                                   const ApiError& mismatch) {
  std::vector<KeyElement> needed;
  auto add = [&](const std::vector<KeyElement>& elements) {
    for (const auto& element : elements) {
      bool present =
          std::any_of(needed.begin(), needed.end(), [&](const KeyElement& e) { return e.name == element.name; });
      if (!present) needed.push_back(element);
    }
  };
  add(read.table->key.partition_key);
  add(read.table->key.sort_key);
  if (read.index != nullptr) {
    add(read.index->key.partition_key);
    add(read.index->key.sort_key);
  }
  if (start.size() != needed.size()) return fail(invalid);
  for (const auto& element : needed) {
    auto it = start.find(element.name);
    if (it == start.end()) return fail(invalid);
  }
  for (const auto& element : needed) {
    const AttributeValue& value = start.at(element.name);
    if (value.type != element.type) return fail(mismatch);
    if ((value.type == AttributeType::kS || value.type == AttributeType::kB) && value.scalar.empty()) {
      return fail(mismatch);
    }
  }
  return {};
}

}  // namespace eddy::ops
