// FilterRule: one rule of a filter pattern's leaf (filter_pattern.h lists the language), compiled
// from its JSON and tested against one leaf of a record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::triggers {

class FilterRule {
 public:
  enum class Kind { kExact, kPrefix, kSuffix, kEqualsIgnoreCase, kAnythingBut, kNumeric, kExists, kWildcard };

  // A rule from an element of a leaf's array; InvalidParameterValueException when it is not one.
  static Result<FilterRule> parse(const JsonValue& rule);

  Kind kind() const { return kind_; }
  // Whether the rule holds for a present leaf `value` (a scalar: string, number, bool or null).
  bool matches(const JsonValue& value) const;
  // Whether the rule holds where the leaf is absent: only {"exists": false}.
  bool matches_absent() const { return kind_ == Kind::kExists && !exists_; }

 private:
  // A value that exact and anything-but rules compare with.
  struct Literal {
    enum class Type { kString, kNumber, kBool, kNull } type = Type::kNull;
    std::string text;
    double number = 0;
    bool boolean = false;
    bool equals(const JsonValue& value) const;
  };
  struct Comparison {
    std::string op;  // "=", "<", "<=", ">", ">="
    double bound = 0;
  };

  static Result<Literal> literal(const JsonValue& value);
  static Result<FilterRule> parse_operator(std::string_view name, const JsonValue& operand);
  static Result<FilterRule> parse_anything_but(const JsonValue& operand);
  static Result<FilterRule> parse_numeric(const JsonValue& operand);
  static Result<FilterRule> parse_text_match(Kind kind, const JsonValue& operand);
  bool matches_text(std::string_view text) const;

  Kind kind_ = Kind::kExact;
  Literal literal_;                      // kExact
  std::vector<Literal> excluded_;        // kAnythingBut of values
  std::optional<Kind> excluded_match_;   // kAnythingBut of a prefix, suffix or equals-ignore-case
  std::vector<std::string> texts_;       // kPrefix, kSuffix, kEqualsIgnoreCase, kWildcard (and their anything-but)
  bool ignore_case_ = false;             // kPrefix / kSuffix wrapping equals-ignore-case
  std::vector<Comparison> comparisons_;  // kNumeric
  bool exists_ = true;                   // kExists
};

// InvalidParameterValueException for a pattern outside the language (Lambda's text).
ApiError invalid_filter_pattern();

}  // namespace eddy::triggers
