// ReadRequest: the members Query and Scan share — table and index, Select, Limit, ConsistentRead,
// ExclusiveStartKey, ReturnConsumedCapacity, the filter (FilterExpression or QueryFilter/ScanFilter)
// and the projection (ProjectionExpression or AttributesToGet) — read, validated and resolved once
// per request, in DynamoDB's order and with its messages, before any item is read.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "expr/expression.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/consumed_capacity.h"
#include "ops/request_context.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

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
  bool scan = false;
  std::string table_name;
  std::optional<std::string> index_name;
  std::optional<std::string> select;
  std::optional<int64_t> limit;
  bool consistent = false;
  CapacityMode capacity = CapacityMode::kNone;
  std::optional<AttributeMap> exclusive_start_key;
  std::optional<std::map<std::string, std::string>> names;
  std::optional<AttributeMap> values;
  std::optional<std::string> filter_text;      // FilterExpression
  std::optional<std::string> projection_text;  // ProjectionExpression
  bool has_attributes_to_get = false;

  // Resolved against the table:
  engine::TablePtr table;
  const SecondaryIndex* index = nullptr;  // points into *table
  bool global_index = false;
  SelectMode mode = SelectMode::kAllAttributes;
  expr::Condition filter;
  ItemProjector projection;
  bool fetch_from_table = false;  // LSI reads of attributes the index does not project

  // The key schema that orders what is read (the table's or the index's).
  const KeySchema& read_key() const { return index != nullptr ? index->key : table->key; }
};

// Reads the shared members; constraint violations are added to `violations` for the caller to
// report with its own. `scan` selects Scan's member set and messages.
Result<ReadRequest> read_read_request(const JsonValue& request, bool scan, ConstraintViolations& violations);

// Checks run before the table is looked up: the expression/non-expression mix, Select against the
// projection, ExpressionAttributeNames/Values without expressions.
Result<void> check_read_request(const JsonValue& request, const ReadRequest& read);

// Finds the table and index (ResourceNotFoundException / "The table does not have the specified
// index"), refuses ConsistentRead on a GSI and reads of a backfilling GSI.
Result<void> resolve_table_and_index(RequestContext& context, ReadRequest& read);

// Parses the filter and projection with `attrs` (which the caller also uses for its key
// condition, then checks for unused names and values). `key_names` are the attributes a Query's
// filter may not use (empty for Scan).
Result<void> parse_filter_and_projection(const JsonValue& request, ReadRequest& read, expr::ExpressionAttributes& attrs,
                                         const std::vector<std::string>& key_names);

// Decides the Select mode and whether an LSI read fetches from the table; refuses attributes a GSI
// does not project.
Result<void> resolve_select(ReadRequest& read);

// The top-level attribute names a condition reads.
std::set<std::string> condition_attribute_names(const expr::Condition& condition);

}  // namespace eddy::ops
