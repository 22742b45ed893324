// ReadRequest: a Query or Scan as the shared read path (read_pager.h) needs it — the table and
// index, Select mode, filter, projection, Limit, ConsistentRead, ReturnConsumedCapacity — resolved
// from the request's shared members (protocol/requests/read_members.h) against the table, in
// DynamoDB's order and with its messages, before any item is read.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "expr/expression.h"
#include "model/attribute_value.h"
#include "model/legacy_parameters.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"
#include "ops/request_context.h"
#include "protocol/requests/read_members.h"

namespace eddy::ops {

enum class SelectMode { kAllAttributes, kAllProjected, kSpecific, kCount };

// Which attributes a read returns, applied to each item: top-level names picked directly, nested
// paths through expr::Projection.
class ItemProjector {
 public:
  ItemProjector() = default;
  explicit ItemProjector(expr::Projection projection);
  bool empty() const { return projection_.empty(); }
  Item apply(Item item) const;
  // The top-level attribute names the projection reads.
  const std::set<std::string>& top_level_names() const { return names_; }

 private:
  expr::Projection projection_;
  std::set<std::string> names_;
  bool nested_ = false;
};

struct ReadRequest {
  engine::TablePtr table;
  const SecondaryIndex* index = nullptr;  // points into *table
  bool global_index = false;
  SelectMode mode = SelectMode::kAllAttributes;
  expr::Condition filter;
  ItemProjector projection;
  bool fetch_from_table = false;  // LSI reads of attributes the index does not project
  std::optional<int64_t> limit;
  bool consistent = false;
  ReturnConsumedCapacity capacity = ReturnConsumedCapacity::kNone;

  // The key schema that orders what is read (the table's or the index's).
  const KeySchema& read_key() const { return index != nullptr ? index->key : table->key; }
};

// Finds the table and index (ResourceNotFoundException / "The table does not have the specified
// index"), refuses ConsistentRead on a GSI and reads of a backfilling GSI.
Result<ReadRequest> start_read(RequestContext& context, const protocol::ReadMembers& members);

// The read's filter — FilterExpression parsed with `attrs` (which the caller also uses for its key
// condition, then checks for unused names and values), or else the legacy `filter` (QueryFilter,
// ScanFilter) — and its projection. `key_names` are the attributes a Query's filter may not use
// (empty for Scan).
Result<void> parse_filter_and_projection(const protocol::ReadMembers& members,
                                         const std::optional<std::vector<LegacyCondition>>& filter, ReadRequest& read,
                                         expr::ExpressionAttributes& attrs, const std::vector<std::string>& key_names);

// Decides the Select mode and whether an LSI read fetches from the table; refuses attributes a GSI
// does not project.
Result<void> resolve_select(const protocol::ReadMembers& members, ReadRequest& read);

// The top-level attribute names a condition reads.
std::set<std::string> condition_attribute_names(const expr::Condition& condition);

}  // namespace eddy::ops
