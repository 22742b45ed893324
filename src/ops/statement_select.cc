// ExecuteStatement's SELECT pages; see statement_select.h.
#include "ops/statement_select.h"

#include <vector>

#include "engine/item_range.h"
#include "model/result.h"
#include "ops/key_condition_range.h"
#include "ops/read_pager.h"
#include "ops/read_request.h"
#include "ops/read_start_key.h"
#include "ops/statement_next_token.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

// The table or index read, with the plan's filter and projection, as Query and Scan resolve theirs.
Result<ReadRequest> resolve_read(RequestContext& context, const partiql::SelectPlan& plan, const SelectPage& page) {
  protocol::ReadMembers members;
  members.table_name = plan.table_name;
  members.index_name = plan.index_name;
  members.consistent_read = page.consistent_read;
  members.limit = page.limit;
  members.return_consumed_capacity = page.return_consumed_capacity;
  EDDY_TRY(ReadRequest read, start_read(context, members));
  read.filter = plan.filter;
  if (!plan.all_attributes) read.projection = ItemProjector(plan.projection);
  EDDY_TRY_VOID(resolve_select(members, read));
  return read;
}

// The ranges read, one per partition (a Query) or the whole table or index (a Scan).
std::vector<engine::ItemRange> ranges_of(const ReadRequest& read, const partiql::SelectPlan& plan) {
  std::vector<engine::ItemRange> ranges;
  if (!plan.query) {
    ranges.push_back(engine::ItemRange::scan(*read.table, read.index));
    return ranges;
  }
  for (const auto& condition : plan.key_conditions) ranges.push_back(query_range(read, condition));
  return ranges;
}

// Positions the read after a NextToken's key, which must lie in the partition it names.
Result<std::size_t> resume(const ReadRequest& read, const partiql::SelectPlan& plan, const std::string& token,
                           std::vector<engine::ItemRange>& ranges) {
  EDDY_TRY(StatementPosition position, decode_next_token(token));
  if (position.partition >= ranges.size()) return fail(invalid_next_token());
  engine::ItemRange& range = ranges[position.partition];
  EDDY_TRY_VOID(check_start_key_shape(read, position.key, invalid_next_token(), invalid_next_token()));
  if (plan.query) {
    const auto& condition = plan.key_conditions[position.partition];
    bool sorted = !condition.sort_prefix.empty() || condition.sort_op != expr::KeyCondition::SortOp::kNone;
    if (!range.holds_partition_of(position.key) || (sorted && !range.holds_sort_key_of(position.key))) {
      return fail(invalid_next_token());
    }
  }
  range.start_after(position.key);
  return position.partition;
}

}  // namespace

Result<std::string> execute_select(RequestContext& context, const PreparedStatement& statement,
                                   const SelectPage& page) {
  const auto& plan = std::get<partiql::SelectPlan>(statement.plan);
  EDDY_TRY(ReadRequest read, resolve_read(context, plan, page));
  std::vector<engine::ItemRange> ranges = ranges_of(read, plan);
  std::size_t first = 0;
  if (page.next_token) {
    EDDY_TRY(first, resume(read, plan, *page.next_token, ranges));
  }

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Items");
  writer.StartArray();
  PageResult total;
  std::optional<StatementPosition> next;
  for (std::size_t i = first; i < ranges.size(); ++i) {
    PageBudget budget{page.limit, kPageBytes - std::min(total.bytes, kPageBytes)};
    if (budget.limit) *budget.limit -= total.scanned;
    EDDY_TRY(PageResult part, read_page_items(context, read, ranges[i], plan.scan_index_forward, &writer, budget));
    total.scanned += part.scanned;
    total.count += part.count;
    total.bytes += part.bytes;
    total.table_fetch_units += part.table_fetch_units;
    if (part.last_key) {
      next = StatementPosition{i, std::move(*part.last_key)};
      break;
    }
  }
  writer.EndArray();
  if (next) {
    writer.Key("NextToken");
    std::string token = encode_next_token(*next);
    writer.String(token.data(), static_cast<rapidjson::SizeType>(token.size()));
    writer.Key("LastEvaluatedKey");
    encode_attribute_map(writer, next->key);
  }
  write_consumed_capacity(writer, page.return_consumed_capacity, page_capacity(read, total));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
