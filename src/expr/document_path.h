// Resolved document paths: finding them in an item, writing them the way DynamoDB's messages do,
// and the overlap/conflict rule that update and projection expressions share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/attribute_value.h"

namespace eddy::expr {

// "[a, b, [1]]", as in DynamoDB's messages.
std::string format_path(const DocumentPath& path);

// The value at `path`, or nullptr when any step is missing or of the wrong type.
const AttributeValue* find_path(const Item& item, const DocumentPath& path);

bool same_path(const DocumentPath& a, const DocumentPath& b);

// DynamoDB's message when two of `paths` overlap (one is a prefix of the other) or conflict (they
// part at a step where one indexes a list and the other names a map member); nullopt otherwise.
std::optional<std::string> find_overlapping_paths(const std::vector<const DocumentPath*>& paths);

}  // namespace eddy::expr
