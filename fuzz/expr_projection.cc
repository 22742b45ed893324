// Fuzz target: ProjectionExpression (expr/expression.h, parse_projection and Projection::apply).
// Properties: a projection keeps only attributes the item has (it never invents one), and a parse
// through the cache answers as a fresh one does.
#include "expr/expression.h"
#include "expr/expression_cache.h"
#include "expression_inputs.h"

namespace {

using namespace eddy;

std::vector<std::string> run(std::string_view text) {
  expr::ExpressionAttributes attrs(&fuzz::expression_names(), nullptr);
  auto projection = expr::parse_projection(text, attrs);
  if (!projection) return {projection.error().message};
  (void)attrs.check_all_used();
  std::vector<std::string> results;
  for (const Item& item : fuzz::expression_items()) {
    Item projected = projection->apply(item);
    for (const auto& [name, value] : projected) FUZZ_CHECK(item.count(name) == 1);
    results.push_back(attribute_map_to_json(projected));
  }
  return results;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::text_of(data, size);
  std::vector<std::string> fresh = run(text);
  expr::ExpressionCaches caches;
  expr::ExpressionCaches::Scope scope(caches);
  std::vector<std::string> missed = run(text);
  std::vector<std::string> hit = run(text);
  FUZZ_CHECK(fresh == missed && missed == hit);
  return 0;
}
