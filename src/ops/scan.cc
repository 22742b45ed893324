// Scan: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
// Every item of a table or index, partition by partition in partition-hash order (so the order
// does not depend on insertion), or one segment of that hash space for parallel scans; the paging,
// filter, projection and counts are the shared read path (read_pager.h).
#include "engine/item_range.h"
#include "ops/operations.h"
#include "ops/read_pager.h"
#include "ops/read_request.h"
#include "ops/read_start_key.h"

namespace eddy::ops {
namespace {

struct Segmentation {
  std::optional<int64_t> segment;
  std::optional<int64_t> total;
};

Result<void> check_segments(const Segmentation& s) {
  if (s.segment && !s.total) {
    return validation_error("The TotalSegments parameter is required but was not present in the request when Segment "
                            "parameter is present");
  }
  if (s.total && !s.segment) {
    return validation_error("The Segment parameter is required but was not present in the request when parameter "
                            "TotalSegments is present");
  }
  if (s.segment && *s.segment >= *s.total) {
    return validation_error("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                            "Segment: " + std::to_string(*s.segment) + " is not less than TotalSegments: " +
                            std::to_string(*s.total));
  }
  return {};
}

// DynamoDB's checks of a start key; then the page starts after it.
Result<void> start_after(const ReadRequest& read, engine::ItemRange& range, const Item& start) {
  const char* invalid = read.index != nullptr
                            ? "The provided starting key is invalid"
                            : "The provided starting key is invalid: The provided key element does not match the schema";
  if (auto shape = check_start_key_shape(read, start, invalid, invalid); !shape) return shape;
  if (!range.holds_partition_of(start)) return validation_error("Exclusive start key must lie within the segment");
  range.start_after(start);
  return {};
}

}  // namespace

Result<std::string> scan(RequestContext& context, const JsonValue& request) {
  ConstraintViolations violations;
  auto read = read_read_request(request, true, violations);
  if (!read) return fail(read.error());
  auto segment = read_integer(request, "Segment");
  if (!segment) return fail(segment.error());
  auto total = read_integer(request, "TotalSegments");
  if (!total) return fail(total.error());
  violations.integer_range("segment", *segment, 0, 999999);
  violations.integer_range("totalSegments", *total, 1, 1000000);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  Segmentation segmentation{*segment, *total};
  if (auto checked = check_segments(segmentation); !checked) return fail(checked.error());
  if (auto checked = check_read_request(request, *read); !checked) return fail(checked.error());
  if (auto resolved = resolve_table_and_index(context, *read); !resolved) return fail(resolved.error());

  expr::ExpressionAttributes attrs(read->names ? &*read->names : nullptr, read->values ? &*read->values : nullptr);
  if (auto parsed = parse_filter_and_projection(request, *read, attrs, {}); !parsed) return fail(parsed.error());
  if (auto used = attrs.check_all_used(); !used) return fail(used.error());
  if (auto selected = resolve_select(*read); !selected) return fail(selected.error());

  engine::ItemRange range =
      segmentation.segment
          ? engine::ItemRange::scan_segment(*read->table, read->index, static_cast<uint32_t>(*segmentation.segment),
                                            static_cast<uint32_t>(*segmentation.total))
          : engine::ItemRange::scan(*read->table, read->index);
  if (read->exclusive_start_key) {
    if (auto started = start_after(*read, range, *read->exclusive_start_key); !started) return fail(started.error());
  }
  return read_page(context, *read, range, true);
}

}  // namespace eddy::ops
