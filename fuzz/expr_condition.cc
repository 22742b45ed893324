// Fuzz target: ConditionExpression and FilterExpression (expr/expression.h, parse_condition), from
// text through placeholder resolution to evaluation against items. Properties: a parse through the
// per-worker cache (a miss, then a hit) answers exactly as a fresh parse does, and evaluation never
// fails differently for the cached tree.
#include "expr/expression.h"
#include "expr/expression_cache.h"
#include "expression_inputs.h"

namespace {

using namespace eddy;

struct Outcome {
  std::string error;          // the parse or placeholder error; empty when it parsed
  std::vector<int> verdicts;  // per item: 1 true, 0 false, -1 an evaluation error
};

Outcome run(std::string_view text) {
  expr::ExpressionAttributes attrs(&fuzz::expression_names(), &fuzz::expression_values());
  auto condition = expr::parse_condition(text, "ConditionExpression", attrs);
  if (!condition) return {condition.error().message, {}};
  (void)attrs.check_all_used();  // most inputs leave placeholders unused; the check must only not crash
  Outcome outcome;
  for (const Item& item : fuzz::expression_items()) {
    auto verdict = condition->evaluate(item);
    outcome.verdicts.push_back(verdict ? (*verdict ? 1 : 0) : -1);
  }
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::text_of(data, size);
  Outcome fresh = run(text);
  expr::ExpressionCaches caches;
  expr::ExpressionCaches::Scope scope(caches);
  Outcome missed = run(text);
  Outcome hit = run(text);
  FUZZ_CHECK(fresh.error == missed.error && missed.error == hit.error);
  FUZZ_CHECK(fresh.verdicts == missed.verdicts && missed.verdicts == hit.verdicts);
  // A filter is the same grammar; only the kind named in messages differs.
  expr::ExpressionAttributes attrs(&fuzz::expression_names(), &fuzz::expression_values());
  auto filter = expr::parse_condition(text, "FilterExpression", attrs);
  FUZZ_CHECK(filter.has_value() == fresh.error.empty());
  return 0;
}
