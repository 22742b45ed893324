// The answer of a single-item write (PutItem, DeleteItem, UpdateItem): Attributes (when given and
// not empty), ConsumedCapacity.
#pragma once

#include <optional>
#include <string>

#include "model/attribute_value.h"
#include "ops/consumed_capacity.h"

namespace eddy::ops {

std::string item_write_response(const std::optional<Item>& attributes, ReturnConsumedCapacity mode,
                                const ConsumedCapacity& capacity);

}  // namespace eddy::ops
