// Reading Query and Scan ranges; see item_reader.h.
#include "engine/item_reader.h"

#include "engine/item_codec.h"

namespace eddy::engine {

ApiError corrupt_item_error(std::string_view where) {
  return storage_failure("a stored item in " + std::string(where) + " does not decode (corruption)");
}

Result<Item> ItemReader::item() const {
  auto item = decode_item(reader_.value());
  if (!item) return fail(corrupt_item_error("a read range"));
  return std::move(*item);
}

}  // namespace eddy::engine
