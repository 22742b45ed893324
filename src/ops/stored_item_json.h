// Items copied out of storage into an answer without building an Item: the stored bytes are walked
// once, writing DynamoDB JSON and summing the item's size (for capacity and the 1 MB page limit).
// Query and Scan pages without a filter, projection or table fetch take this path; the output is
// identical to encode_attribute_map of the decoded item.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eddy::ops {

// Appends the item stored as `bytes` to `out` as a JSON object and sets `size` to its item size.
// False on corrupt bytes, with `out` left as it was.
bool append_stored_item_json(std::string& out, std::string_view bytes, std::size_t& size);

}  // namespace eddy::ops
