// ReadPager: one page of a Query or Scan. It streams entries from a CollectionReader, decodes each
// once, counts it (ScannedCount, bytes read), stops at Limit or once 1 MB has been read (before
// the filter, as DynamoDB does), fetches non-projected attributes of LSI reads from the table,
// applies the filter and projection, and writes the response: Items, Count, ScannedCount,
// LastEvaluatedKey and ConsumedCapacity (bytes read in 4 KB units, halved for eventual consistency).
#pragma once

#include <optional>
#include <string>

#include "engine/collection_reader.h"
#include "ops/read_request.h"

namespace eddy::ops {

inline constexpr std::size_t kPageBytes = 1024 * 1024;

struct PageRange {
  engine::KeyRange range;
  bool forward = true;
  std::optional<std::string> exclusive_start;  // full RocksDB key
};

// Reads one page of `read` over `page` and returns the response body.
Result<std::string> read_page(RequestContext& context, const ReadRequest& read, const PageRange& page);

// The RocksDB key of an ExclusiveStartKey (already validated) in the collection `read` reads.
std::string start_key_of(const ReadRequest& read, const Item& start);

}  // namespace eddy::ops
