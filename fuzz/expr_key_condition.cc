// Fuzz target: KeyConditionExpression (expr/expression.h, parse_key_condition, and the type check of
// expr/key_condition.h), against three key schemas: a partition key alone, a partition and a sort
// key, and a multi-attribute GSI key (two partition and three sort attributes). Property: a key
// condition that parses names only the schema's attributes, every partition attribute, and its sort
// attributes left to right.
#include "expr/expression.h"
#include "expr/key_condition.h"
#include "expression_inputs.h"

namespace {

using namespace eddy;

struct Schema {
  std::vector<std::string> partition;
  std::vector<std::string> sort;
};

void check(std::string_view text, const Schema& schema) {
  expr::ExpressionAttributes attrs(&fuzz::expression_names(), &fuzz::expression_values());
  auto condition = expr::parse_key_condition(text, attrs, schema.partition, schema.sort);
  if (!condition) return;
  (void)attrs.check_all_used();
  FUZZ_CHECK(condition->partition.size() == schema.partition.size());
  for (std::size_t i = 0; i < schema.partition.size(); ++i) {
    FUZZ_CHECK(condition->partition[i].first == schema.partition[i]);
  }
  FUZZ_CHECK(condition->sort_prefix.size() <= schema.sort.size());
  for (std::size_t i = 0; i < condition->sort_prefix.size(); ++i) {
    FUZZ_CHECK(condition->sort_prefix[i].first == schema.sort[i]);
  }
  if (condition->sort_op != expr::KeyCondition::SortOp::kNone) {
    FUZZ_CHECK(condition->sort_prefix.size() < schema.sort.size());
    FUZZ_CHECK(condition->sort_key == schema.sort[condition->sort_prefix.size()]);
  }
  std::map<std::string, AttributeType> types;
  for (const auto& name : schema.partition) types[name] = AttributeType::kS;
  for (const auto& name : schema.sort) types[name] = AttributeType::kN;
  (void)expr::check_key_condition_types(*condition, types);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::text_of(data, size);
  check(text, Schema{{"pk"}, {}});
  check(text, Schema{{"pk"}, {"sk"}});
  check(text, Schema{{"pk", "a"}, {"sk", "b", "m"}});
  return 0;
}
