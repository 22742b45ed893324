// Query's request declared; see query.h.
#include "protocol/requests/query.h"

#include "protocol/requests/legacy_parameters.h"

namespace eddy::protocol {
namespace {

using R = QueryRequest;

Result<void> check_key_condition_given(const R& request) {
  if (!request.key_condition_expression && !request.key_conditions) {
    return validation_error(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
        "request.");
  }
  return {};
}

Result<void> check_legacy_members(const R& request, const JsonValue& json) {
  EDDY_TRY_VOID(check_comparison_operators(json, "KeyConditions"));
  EDDY_TRY_VOID(check_comparison_operators(json, "QueryFilter"));
  std::size_t filters = request.query_filter ? request.query_filter->size() : 0;
  return check_conditional_operator(request.read.conditional_operator, filters);
}

const Shape<R>& shape() {
  static const Shape<R> shape{
      join<R>(members_of_part(&R::read, read_members()),
              Members<R>{
                  member("ScanIndexForward", &R::scan_index_forward),
                  member("KeyConditionExpression", &R::key_condition_expression),
                  legacy_conditions_member("KeyConditions", &R::key_conditions),
                  legacy_conditions_member("QueryFilter", &R::query_filter),
              }),
      {
          [](R& request, const JsonValue& json) { return check_read_members(request.read, json, false); },
          [](R& request, const JsonValue&) { return check_key_condition_given(request); },
          check_legacy_members,
      }};
  return shape;
}

}  // namespace

Result<QueryRequest> read_query(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
