// ReadPager: one page of a Query or Scan. It streams entries from an engine::ItemReader, decodes each
// once, counts it (ScannedCount, bytes read), stops at Limit or once 1 MB has been read (before
// the filter, as DynamoDB does), fetches non-projected attributes of LSI reads from the table,
// applies the filter and projection, and writes the response: Items, Count, ScannedCount,
// LastEvaluatedKey and ConsumedCapacity (bytes read in 4 KB units, halved for eventual consistency).
#pragma once

#include <optional>
#include <string>

#include "engine/item_range.h"
#include "ops/read_request.h"

namespace eddy::ops {

inline constexpr std::size_t kPageBytes = 1024 * 1024;

// Reads one page of `read` over `range` (ScanIndexForward: `forward`) and returns the response body.
Result<std::string> read_page(RequestContext& context, const ReadRequest& read, const engine::ItemRange& range,
                              bool forward);

}  // namespace eddy::ops
