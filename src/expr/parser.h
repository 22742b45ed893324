// The expression grammars: condition (also filter and key condition), update and projection.
// Parsing only checks syntax; every other rule is checked on the tree afterwards (checks.h,
// resolver.h) in the order DynamoDB applies them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "expr/lexer.h"
#include "model/api_error.h"

namespace eddy::expr {

// What the parse of one expression found besides its tree.
struct ParseFacts {
  int operator_count = 0;              // comparisons, BETWEEN, IN, AND, OR, NOT and functions
  bool redundant_parentheses = false;  // a node wrapped in two or more pairs of parentheses
  std::string repeated_clause;         // update: the first clause written twice ("SET", ...)
};

// Each returns the tree, or the syntax error text without the "Invalid XExpression: " prefix.
tl::expected<ConditionTree, std::string> parse_condition_syntax(std::string_view text, ParseFacts& facts);
tl::expected<UpdateTree, std::string> parse_update_syntax(std::string_view text, ParseFacts& facts);
tl::expected<ProjectionTree, std::string> parse_projection_syntax(std::string_view text, ParseFacts& facts);

// The recursive-descent parser shared by the three grammars (internal to the parser files).
class Parser {
 public:
  Parser(std::string_view text, ParseFacts& facts);

  bool condition(ConditionNode& out);  // OR level
  bool update_clauses(UpdateTree& out);
  bool path_list(ProjectionTree& out);
  bool at_end() const;
  // Records a failure at the current token; returns false.
  bool fail();
  std::string error_text() const;

 private:
  bool and_condition(ConditionNode& out);
  bool not_condition(ConditionNode& out);
  bool primary_condition(ConditionNode& out);
  bool grouped_condition(ConditionNode& out);
  bool condition_after_operand(Operand first, ConditionNode& out);
  bool operand(Operand& out);
  bool function_call(Operand& out, bool update_grammar);
  bool path(Operand& out);
  bool set_action(UpdateAction& out);
  bool set_value(Operand& out);
  bool update_operand(Operand& out);
  bool value_placeholder(Operand& out);
  bool comma_list(UpdateTree& out, UpdateClause clause);

  const Token& peek(std::size_t ahead = 0) const;
  bool accept_symbol(std::string_view symbol);
  bool next_starts_comparison() const;

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::size_t error_at_ = 0;
  bool failed_ = false;
  ParseFacts& facts_;
};

}  // namespace eddy::expr
