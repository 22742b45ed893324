// TtlSweeper: deletes the items whose time-to-live attribute has passed, as DynamoDB's TTL does.
// An item expires when its TTL attribute is a Number (epoch seconds) not after now; items whose
// attribute is missing or not a Number never expire, and items more than five years past are
// left alone (DynamoDB treats such values as not meant for TTL). Deletions go through
// Database::write_item with expired_by_ttl, so indexes follow and the stream gets a REMOVE record
// naming the service. Until swept, expired items are still returned by reads, as on AWS.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
#pragma once

#include <cstddef>

#include "engine/database.h"
#include "model/clock.h"

namespace eddy::ttl {

inline constexpr double kMaxPastSeconds = 5 * 365.25 * 24 * 3600;

class TtlSweeper {
 public:
  TtlSweeper(engine::Database& database, const Clock& clock) : database_(database), clock_(clock) {}
  // One pass over every table with TTL enabled; returns how many items it deleted. At most
  // `max_per_table` deletions per table and pass, so that one pass stays short.
  std::size_t sweep(std::size_t max_per_table = 10000);

 private:
  std::size_t sweep_table(const TableDefinition& table, std::size_t max_deletions);
  engine::Database& database_;
  const Clock& clock_;
};

// Whether `item` has expired at `now` under TTL attribute `attribute`.
bool expired(const Item& item, const std::string& attribute, double now);

}  // namespace eddy::ttl
