// Read projections; see read_projection.h.
#include "ops/read_projection.h"

#include "ops/expression_parameters.h"
#include "protocol/legacy_parameters.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

struct ReadProjection::State {
  expr::Projection projection;
};

Result<ReadProjection> ReadProjection::parse(const JsonValue& request) {
  static const ExpressionMembers kMembers{{"ProjectionExpression"}, {"AttributesToGet"}};
  if (auto used = check_expression_use(request, kMembers); !used) return fail(used.error());
  auto parameters = ExpressionParameters::read(request, false);
  if (!parameters) return fail(parameters.error());
  auto projection = parse(request, parameters->attributes());
  if (!projection) return fail(projection.error());
  if (auto all_used = parameters->check_all_used(); !all_used) return fail(all_used.error());
  return projection;
}

Result<ReadProjection> ReadProjection::parse(const JsonValue& request, expr::ExpressionAttributes& attributes) {
  auto text = read_string(request, "ProjectionExpression");
  if (!text) return fail(text.error());
  expr::Projection projection;
  if (*text) {
    auto parsed = expr::parse_projection(**text, attributes);
    if (!parsed) return fail(parsed.error());
    projection = std::move(*parsed);
  } else {
    auto legacy = legacy_attributes_to_get(request);
    if (!legacy) return fail(legacy.error());
    projection = std::move(*legacy);
  }
  ReadProjection parsed;
  if (!projection.empty()) parsed.state_ = std::make_shared<const State>(State{std::move(projection)});
  return parsed;
}

Item ReadProjection::apply(const Item& item) const {
  if (state_ == nullptr) return item;
  return state_->projection.apply(item);
}

const expr::Projection& ReadProjection::projection() const {
  static const expr::Projection kNone;
  return state_ == nullptr ? kNone : state_->projection;
}

}  // namespace eddy::ops
