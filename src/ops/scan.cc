// Scan: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
// Every item of a table or index, partition by partition in partition-hash order (so the order
// does not depend on insertion), or one segment of that hash space for parallel scans; the paging,
// filter, projection and counts are the shared read path (read_pager.h).
#include "engine/item_range.h"
#include "model/errors.h"
#include "model/result.h"
#include "ops/expression_attributes.h"
#include "ops/operations.h"
#include "ops/read_pager.h"
#include "ops/read_request.h"
#include "ops/read_start_key.h"

namespace eddy::ops {
namespace {

// DynamoDB's checks of a start key; then the page starts after it.
Result<void> start_after(const ReadRequest& read, engine::ItemRange& range, const Item& start) {
  ApiError invalid = read.index != nullptr ? errors::invalid_start_key() : start_key_schema_mismatch();
  EDDY_TRY_VOID(check_start_key_shape(read, start, invalid, invalid));
  if (!range.holds_partition_of(start)) return validation_error("Exclusive start key must lie within the segment");
  range.start_after(start);
  return {};
}

}  // namespace

Result<std::string> scan(RequestContext& context, const p::ScanRequest& request) {
  const p::ReadMembers& members = request.read;
  EDDY_TRY(ReadRequest read, start_read(context, members));
  expr::ExpressionAttributes attrs =
      expression_attributes(members.expression_attribute_names, members.expression_attribute_values);
  EDDY_TRY_VOID(parse_filter_and_projection(members, request.scan_filter, read, attrs, {}));
  EDDY_TRY_VOID(attrs.check_all_used());
  EDDY_TRY_VOID(resolve_select(members, read));

  engine::ItemRange range = request.segment ? engine::ItemRange::scan_segment(
                                                  *read.table, read.index, static_cast<uint32_t>(*request.segment),
                                                  static_cast<uint32_t>(*request.total_segments))
                                            : engine::ItemRange::scan(*read.table, read.index);
  if (members.exclusive_start_key) {
    EDDY_TRY_VOID(start_after(read, range, *members.exclusive_start_key));
  }
  return read_page(context, read, range, true);
}

}  // namespace eddy::ops
