// Fuzz target: UpdateExpression (expr/expression.h, parse_update and Update::apply), applied to an
// item holding every type and to an absent item. Properties: a failed apply leaves the item exactly
// as it was (no half-applied update), and a parse through the cache answers as a fresh one does.
#include "expr/expression.h"
#include "expr/expression_cache.h"
#include "expression_inputs.h"

namespace {

using namespace eddy;

const std::vector<std::string>& key_names() {
  static const std::vector<std::string> names = {"pk", "sk"};
  return names;
}

// The parse error, or for each item the updated item's JSON or the apply error.
std::vector<std::string> run(std::string_view text) {
  expr::ExpressionAttributes attrs(&fuzz::expression_names(), &fuzz::expression_values());
  auto update = expr::parse_update(text, attrs, key_names());
  if (!update) return {"parse: " + update.error().message};
  (void)attrs.check_all_used();
  (void)update->updated_paths();
  std::vector<std::string> results;
  for (const Item& original : fuzz::expression_items()) {
    Item item = original;
    auto applied = update->apply(item);
    if (!applied) {
      FUZZ_CHECK(item == original);
      results.push_back("apply: " + applied.error().message);
    } else {
      results.push_back(attribute_map_to_json(item));
    }
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
