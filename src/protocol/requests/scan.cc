// Scan's request declared; see scan.h.
#include "protocol/requests/scan.h"

#include "protocol/requests/legacy_parameters.h"

namespace eddy::protocol {
namespace {

using R = ScanRequest;

Result<void> check_segments(const R& request) {
  const auto& segment = request.segment;
  const auto& total = request.total_segments;
  if (segment && !total) {
    return validation_error(
        "The TotalSegments parameter is required but was not present in the request when Segment "
        "parameter is present");
  }
  if (total && !segment) {
    return validation_error(
        "The Segment parameter is required but was not present in the request when parameter "
        "TotalSegments is present");
  }
  if (segment && *segment >= *total) {
    return validation_error(
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
        "Segment: " +
        std::to_string(*segment) + " is not less than TotalSegments: " + std::to_string(*total));
  }
  return {};
}

Result<void> check_legacy_members(const R& request, const JsonValue& json) {
  EDDY_TRY_VOID(check_comparison_operators(json, "ScanFilter"));
  std::size_t filters = request.scan_filter ? request.scan_filter->size() : 0;
  return check_conditional_operator(request.read.conditional_operator, filters);
}

const Shape<R>& shape() {
  static const Shape<R> shape{
      join<R>(members_of_part(&R::read, read_members()),
              Members<R>{
                  member("Segment", &R::segment, {range(0, 999999)}),
                  member("TotalSegments", &R::total_segments, {range(1, 1000000)}),
                  legacy_conditions_member("ScanFilter", &R::scan_filter),
              }),
      {
          [](R& request, const JsonValue&) { return check_segments(request); },
          [](R& request, const JsonValue& json) { return check_read_members(request.read, json, true); },
          check_legacy_members,
      }};
  return shape;
}

}  // namespace

Result<ScanRequest> read_scan(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
