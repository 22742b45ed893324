// Read projections; see read_projection.h.
#include "ops/read_projection.h"

#include "expr/legacy.h"
#include "model/result.h"
#include "ops/expression_attributes.h"

namespace eddy::ops {

struct ReadProjection::State {
  expr::Projection projection;
};

Result<expr::Projection> parse_projection(const std::optional<std::string>& projection_expression,
                                          const std::optional<std::vector<std::string>>& attributes_to_get,
                                          expr::ExpressionAttributes& attributes) {
  if (projection_expression) return expr::parse_projection(*projection_expression, attributes);
  if (attributes_to_get) return expr::legacy_projection(*attributes_to_get);
  return expr::Projection{};
}

Result<ReadProjection> ReadProjection::parse(const std::optional<std::string>& projection_expression,
                                             const std::optional<std::vector<std::string>>& attributes_to_get,
                                             const std::optional<protocol::AttributeNames>& names) {
  expr::ExpressionAttributes attributes = expression_attributes(names, std::nullopt);
  EDDY_TRY(expr::Projection projection, parse_projection(projection_expression, attributes_to_get, attributes));
  EDDY_TRY_VOID(attributes.check_all_used());
  ReadProjection parsed;
  if (!projection.empty()) parsed.state_ = std::make_shared<const State>(State{std::move(projection)});
  return parsed;
}

Item ReadProjection::apply(const Item& item) const {
  if (state_ == nullptr) return item;
  return state_->projection.apply(item);
}

}  // namespace eddy::ops
