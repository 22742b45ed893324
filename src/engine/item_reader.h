// ItemReader: the items of a table, or the entries of one of its indexes, that an ItemRange names,
// in key order (forward or backward), for Query and Scan pages and the TTL sweeper. Obtained from
// Database::read.
#pragma once

#include <optional>
#include <string_view>

#include "engine/item_range.h"
#include "engine/key_range_reader.h"
#include "engine/storage.h"
#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::engine {

class ItemReader {
 public:
  ItemReader(const Storage& storage, const ItemRange& range, bool forward, const ReadView* view = nullptr)
      : reader_(storage, range.keys(), forward, range.exclusive_start(), view) {}

  // False past the last item and on a read error: check status() once the loop ends.
  bool valid() const { return reader_.valid(); }
  void next() { reader_.next(); }
  // The current item's stored bytes (engine/item_codec.h), valid until next().
  std::string_view value() const { return reader_.value(); }
  // The current item decoded; InternalServerError (logged) when its bytes are corrupt.
  Result<Item> item() const;
  // InternalServerError (logged) when the reader stopped on a read error rather than at the end.
  Result<void> status() const { return reader_.status(); }

 private:
  KeyRangeReader reader_;
};

// The error for stored bytes that do not decode (logged): never taken for an absent item.
ApiError corrupt_item_error(std::string_view where);

}  // namespace eddy::engine
