// The update and projection grammars, and the entry points that run the three grammars:
//   update     := clause+            clause := SET set_action ("," set_action)*
//                                              | REMOVE path ("," path)*
//                                              | ADD path :value ("," path :value)*
//                                              | DELETE path :value ("," path :value)*
//   set_action := path "=" set_value   set_value := operand (("+" | "-") operand)?
//   operand    := "(" set_value ")" | function "(" operand ("," operand)* ")" | path | :value
//   projection := path ("," path)*
#include "expr/parser.h"

namespace eddy::expr {

bool Parser::update_clauses(UpdateTree& out) {
  bool seen[4] = {false, false, false, false};
  do {
    const Token& t = peek();
    if (t.kind != TokenKind::kKeyword) return fail();
    UpdateClause clause;
    if (t.keyword == "SET") clause = UpdateClause::kSet;
    else if (t.keyword == "REMOVE") clause = UpdateClause::kRemove;
    else if (t.keyword == "ADD") clause = UpdateClause::kAdd;
    else if (t.keyword == "DELETE") clause = UpdateClause::kDelete;
    else return fail();
    auto index = static_cast<int>(clause);
    if (seen[index] && facts_.repeated_clause.empty()) facts_.repeated_clause = std::string(t.keyword);
    seen[index] = true;
    ++pos_;
    if (!comma_list(out, clause)) return false;
  } while (!at_end());
  return true;
}

bool Parser::comma_list(UpdateTree& out, UpdateClause clause) {
  do {
    UpdateAction action;
    action.clause = clause;
    if (clause == UpdateClause::kSet) {
      if (!set_action(action)) return false;
    } else {
      if (!path(action.path)) return false;
      if (clause != UpdateClause::kRemove && !value_placeholder(action.value)) return false;
    }
    out.actions.push_back(std::move(action));
  } while (accept_symbol(","));
  return true;
}

bool Parser::set_action(UpdateAction& out) {
  if (!path(out.path)) return false;
  if (!accept_symbol("=")) return fail();
  return set_value(out.value);
}

bool Parser::set_value(Operand& out) {
  Operand left;
  if (!update_operand(left)) return false;
  const Token& t = peek();
  if (!t.is_symbol("+") && !t.is_symbol("-")) {
    out = std::move(left);
    return true;
  }
  ++pos_;
  Operand right;
  if (!update_operand(right)) return false;
  out = Operand{};
  out.kind = OperandKind::kArithmetic;
  out.name = std::string(t.text);
  out.args.push_back(std::move(left));
  out.args.push_back(std::move(right));
  return true;
}

bool Parser::update_operand(Operand& out) {
  const Token& t = peek();
  if (t.is_symbol("(")) {
    ++pos_;
    if (!set_value(out)) return false;
    if (!accept_symbol(")")) return fail();
    if (++out.parentheses > 1) facts_.redundant_parentheses = true;
    return true;
  }
  if (t.kind == TokenKind::kName && peek(1).is_symbol("(")) return function_call(out, true);
  if (t.kind == TokenKind::kValuePlaceholder) return value_placeholder(out);
  return path(out);
}

bool Parser::path_list(ProjectionTree& out) {
  do {
    Operand p;
    if (!path(p)) return false;
    out.paths.push_back(std::move(p));
  } while (accept_symbol(","));
  return true;
}

tl::expected<ConditionTree, std::string> parse_condition_syntax(std::string_view text, ParseFacts& facts) {
  Parser parser(text, facts);
  ConditionTree tree;
  if (!parser.condition(tree.root) || (!parser.at_end() && !parser.fail())) {
    return tl::unexpected(parser.error_text());
  }
  return tree;
}

tl::expected<UpdateTree, std::string> parse_update_syntax(std::string_view text, ParseFacts& facts) {
  Parser parser(text, facts);
  UpdateTree tree;
  if (!parser.update_clauses(tree)) return tl::unexpected(parser.error_text());
  return tree;
}

tl::expected<ProjectionTree, std::string> parse_projection_syntax(std::string_view text, ParseFacts& facts) {
  Parser parser(text, facts);
  ProjectionTree tree;
  if (!parser.path_list(tree) || (!parser.at_end() && !parser.fail())) {
    return tl::unexpected(parser.error_text());
  }
  return tree;
}

}  // namespace eddy::expr
