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

// Receives a stored item's parts in order (names in byte order, as in Item), straight from its
// bytes: for answers that copy items out without building an Item.
class ItemVisitor {
 public:
  virtual ~ItemVisitor() = default;
  virtual void begin_map(std::size_t members) = 0;
  virtual void member_name(std::string_view name) = 0;  // before each member's value
  virtual void end_map() = 0;
  virtual void scalar(AttributeType type, std::string_view bytes) = 0;  // S, N (text), B (raw)
  virtual void begin_set(AttributeType type, std::size_t members) = 0;  // SS, NS, BS
  virtual void set_member(std::string_view bytes) = 0;
  virtual void end_set() = 0;
  virtual void begin_list(std::size_t elements) = 0;
  virtual void end_list() = 0;
  virtual void null_value() = 0;
  virtual void boolean(bool value) = 0;
};

// Walks `bytes` into `visitor`, the item itself as the outermost map. False on corrupt input, which
// may leave the visitor part-way through.
bool visit_item(std::string_view bytes, ItemVisitor& visitor);

}  // namespace eddy::engine
