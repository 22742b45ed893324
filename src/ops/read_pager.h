// ReadPager: one page of a Query or Scan. It streams entries from an engine::ItemReader, decodes each
// once, counts it (ScannedCount, bytes read), stops at Limit or once 1 MB has been read (before
// the filter, as DynamoDB does), fetches non-projected attributes of LSI reads from the table,
// applies the filter and projection, and writes the response: Items, Count, ScannedCount,
// LastEvaluatedKey and ConsumedCapacity (bytes read in 4 KB units, halved for eventual consistency).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/item_range.h"
#include "ops/read_request.h"

namespace eddy::ops {

inline constexpr std::size_t kPageBytes = std::size_t{1024} * 1024;

// How much one page may read: Limit entries, 1 MB (the rest of them when a page spans several ranges).
struct PageBudget {
  std::optional<int64_t> limit;
  std::size_t bytes = kPageBytes;
};

// What a page read: its counts, bytes, the units of LSI fetches, and the key of the last entry
// read when the budget ran out (LastEvaluatedKey).
struct PageResult {
  int64_t scanned = 0;
  int64_t count = 0;
  std::size_t bytes = 0;
  double table_fetch_units = 0;
  std::optional<Item> last_key;
};

// Reads entries of `range` until the budget is spent, writing each item the filter keeps (after the
// projection) into `items`, an open JSON array (nullptr: the items are only counted). Query, Scan
// and PartiQL's SELECT read through this.
Result<PageResult> read_page_items(RequestContext& context, const ReadRequest& read, const engine::ItemRange& range,
                                   bool forward, JsonWriter* items, PageBudget budget);

// The capacity a page consumed: its bytes read in 4 KB units, on the table or the index.
ConsumedCapacity page_capacity(const ReadRequest& read, const PageResult& page);

// Reads one page of `read` over `range` (ScanIndexForward: `forward`) and returns the response body.
Result<std::string> read_page(RequestContext& context, const ReadRequest& read, const engine::ItemRange& range,
                              bool forward);

}  // namespace eddy::ops
