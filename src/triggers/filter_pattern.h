// Lambda's event filtering: FilterCriteria patterns (the EventBridge pattern language) matched
// against each record before it joins a batch; a record that matches no filter is skipped and never
// delivered. https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
//
// A pattern is a JSON object whose shape follows the record's: an object value descends into the
// record's member of that name, an array value lists the rules of a leaf, any one of which must
// hold. Every member of a pattern must match (AND); "$or": [p1, p2, ...] matches when any of its
// patterns does. Rules (filter_rule.h):
//   "text", 12, true, null                exact value (numbers compare numerically)
//   {"prefix": "x"}, {"suffix": "x"}       beginning / end of a string; either may wrap
//                                         {"equals-ignore-case": "x"}
//   {"equals-ignore-case": "x"}            a string, ignoring case
//   {"anything-but": v | [v...] | {"prefix"|"suffix"|"equals-ignore-case": ...}}
//   {"numeric": [">", 0, "<=", 5]}         a JSON number within bounds ("=", "<", "<=", ">", ">=")
//   {"exists": true | false}               a leaf is present / absent
//   {"wildcard": "a*b"}                    '*' matches any run of characters
// A leaf whose record value is an array matches when one of its elements does. `exists` and the
// other rules look at leaves only: a member that holds an object is no leaf (Lambda's DynamoDB
// filters name the type too, as in {"dynamodb": {"NewImage": {"status": {"S": ["paid"]}}}}).
// DynamoDB's numbers are strings in the record ({"N": "12"}), so `numeric` never matches them,
// as on AWS; it matches numeric members such as dynamodb.SizeBytes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"
#include "triggers/filter_rule.h"

namespace eddy::triggers {

// One pattern, compiled.
class FilterPattern {
 public:
  // InvalidParameterValueException for a pattern that is not a JSON object of the language above.
  static Result<FilterPattern> parse(std::string_view pattern_json);
  bool matches(const JsonValue& record) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
};

// A mapping's FilterCriteria: no filters lets every record through; otherwise a record passes when
// one filter matches (OR).
class FilterCriteria {
 public:
  static Result<FilterCriteria> parse(const std::vector<std::string>& patterns);
  bool empty() const { return patterns_.empty(); }
  bool matches(const JsonValue& record) const;

 private:
  std::vector<FilterPattern> patterns_;
};

// Lambda allows up to five filters per event source mapping.
inline constexpr std::size_t kMaxFilters = 5;

}  // namespace eddy::triggers
