// The on-disk encoding of an Item (RocksDB values of items and index entries).
//
// Grammar (varint = LEB128 unsigned):
//   item  := count:varint (name:bytes value)*
//   bytes := length:varint byte*
//   value := type:u8 payload          (type: AttributeType, do not renumber)
//   payload := S|N|B: bytes | SS|NS|BS: count:varint bytes* | M: item | L: count:varint value*
//            | NULL: (nothing) | BOOL: u8
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/attribute_value.h"

namespace eddy::engine {

std::string encode_item(const Item& item);
void encode_item_to(std::string& out, const Item& item);
// nullopt on corrupt input.
std::optional<Item> decode_item(std::string_view bytes);

}  // namespace eddy::engine
