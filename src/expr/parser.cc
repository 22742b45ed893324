// Recursive-descent parser for DynamoDB's condition grammar and the operands and document paths
// that all grammars share.
//
// Why hand-written rather than PEGTL: DynamoDB reports a syntax error as the offending token plus
// the text from the token before it to the token after it, and which token is "offending" follows
// from an LL parser that tries both readings of an opening parenthesis ("(a = b)" groups a
// condition, "(a) = b" groups an operand) and blames the furthest token either reading reached.
// A small recursive-descent parser over a token vector gives that control directly, parses in
// one pass without allocation-heavy backtracking, and keeps compile times low; PEGTL's
// grammar-as-types would need custom error machinery for the same messages.
#include "expr/parser.h"

#include <algorithm>

namespace eddy::expr {

Parser::Parser(std::string_view text, ParseFacts& facts) : text_(text), tokens_(tokenize(text)), facts_(facts) {}

const Token& Parser::peek(std::size_t ahead) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }

bool Parser::at_end() const { return peek().kind == TokenKind::kEnd; }

bool Parser::fail() {
  if (!failed_ || pos_ > error_at_) error_at_ = std::max(error_at_, pos_);
  failed_ = true;
  return false;
}

std::string Parser::error_text() const { return syntax_error_text(text_, tokens_, error_at_); }

bool Parser::accept_symbol(std::string_view symbol) {
  if (!peek().is_symbol(symbol)) return false;
  ++pos_;
  return true;
}

bool Parser::next_starts_comparison() const {
  const Token& t = peek();
  if (t.kind == TokenKind::kKeyword) return t.keyword == "BETWEEN" || t.keyword == "IN";
  if (t.kind != TokenKind::kSymbol) return false;
  return t.text == "=" || t.text == "<>" || t.text == "<" || t.text == "<=" || t.text == ">" || t.text == ">=";
}

namespace {

ConditionNode binary(ConditionKind kind, ConditionNode left, ConditionNode right) {
  ConditionNode node;
  node.kind = kind;
  node.children.push_back(std::move(left));
  node.children.push_back(std::move(right));
  return node;
}

Comparator comparator_of(std::string_view symbol) {
  if (symbol == "=") return Comparator::kEq;
  if (symbol == "<>") return Comparator::kNe;
  if (symbol == "<") return Comparator::kLt;
  if (symbol == "<=") return Comparator::kLe;
  if (symbol == ">") return Comparator::kGt;
  return Comparator::kGe;
}

}  // namespace

bool Parser::condition(ConditionNode& out) {
  if (!and_condition(out)) return false;
  while (peek().is_keyword("OR")) {
    ++pos_;
    ConditionNode right;
    if (!and_condition(right)) return false;
    ++facts_.operator_count;
    out = binary(ConditionKind::kOr, std::move(out), std::move(right));
  }
  return true;
}

bool Parser::and_condition(ConditionNode& out) {
  if (!not_condition(out)) return false;
  while (peek().is_keyword("AND")) {
    ++pos_;
    ConditionNode right;
    if (!not_condition(right)) return false;
    ++facts_.operator_count;
    out = binary(ConditionKind::kAnd, std::move(out), std::move(right));
  }
  return true;
}

bool Parser::not_condition(ConditionNode& out) {
  if (!peek().is_keyword("NOT")) return primary_condition(out);
  ++pos_;
  ConditionNode child;
  if (!not_condition(child)) return false;
  ++facts_.operator_count;
  out = ConditionNode{};
  out.kind = ConditionKind::kNot;
  out.children.push_back(std::move(child));
  return true;
}

// "(" starts either a grouped condition or a comparison whose first operand is grouped; like
// DynamoDB, try the condition first and fall back to the operand reading when that fails or when
// a comparison operator follows the closing parenthesis.
bool Parser::primary_condition(ConditionNode& out) {
  if (!peek().is_symbol("(")) {
    Operand first;
    if (!operand(first)) return false;
    return condition_after_operand(std::move(first), out);
  }
  std::size_t start = pos_;
  int operators_before = facts_.operator_count;
  ConditionNode grouped;
  bool grouped_ok = grouped_condition(grouped);
  if (grouped_ok && !next_starts_comparison()) {
    out = std::move(grouped);
    return true;
  }
  std::size_t grouped_end = pos_;
  int grouped_operators = facts_.operator_count;
  pos_ = start;
  facts_.operator_count = operators_before;
  Operand first;
  if (operand(first) && condition_after_operand(std::move(first), out)) return true;
  if (!grouped_ok) return false;
  pos_ = grouped_end;  // keep the grouped reading; the caller reports the token after it
  facts_.operator_count = grouped_operators;
  out = std::move(grouped);
  return true;
}

bool Parser::grouped_condition(ConditionNode& out) {
  ++pos_;  // "("
  if (!condition(out)) return false;
  if (!accept_symbol(")")) return fail();
  if (++out.parentheses > 1) facts_.redundant_parentheses = true;
  return true;
}

bool Parser::condition_after_operand(Operand first, ConditionNode& out) {
  out = ConditionNode{};
  const Token& t = peek();
  if (t.is_keyword("BETWEEN")) {
    ++pos_;
    Operand low, high;
    if (!operand(low)) return false;
    if (!peek().is_keyword("AND")) return fail();
    ++pos_;
    if (!operand(high)) return false;
    out.kind = ConditionKind::kBetween;
    out.operands = {std::move(first), std::move(low), std::move(high)};
  } else if (t.is_keyword("IN")) {
    ++pos_;
    if (!accept_symbol("(")) return fail();
    out.kind = ConditionKind::kIn;
    out.operands.push_back(std::move(first));
    do {
      Operand item;
      if (!operand(item)) return false;
      out.operands.push_back(std::move(item));
    } while (accept_symbol(","));
    if (!accept_symbol(")")) return fail();
  } else if (next_starts_comparison()) {
    out.comparator = comparator_of(t.text);
    ++pos_;
    Operand second;
    if (!operand(second)) return false;
    out.kind = ConditionKind::kComparison;
    out.operands = {std::move(first), std::move(second)};
  } else if (first.kind == OperandKind::kFunction && first.parentheses == 0) {
    // A function standing as a condition: attribute_exists(a), begins_with(a, :v), ...
    out.kind = ConditionKind::kFunction;
    out.function = first.name;
    out.operands = std::move(first.args);
    ++facts_.operator_count;
    return true;
  } else {
    return fail();
  }
  ++facts_.operator_count;
  return true;
}

bool Parser::operand(Operand& out) {
  const Token& t = peek();
  if (t.is_symbol("(")) {
    ++pos_;
    if (!operand(out)) return false;
    if (!accept_symbol(")")) return fail();
    if (++out.parentheses > 1) facts_.redundant_parentheses = true;
    return true;
  }
  if (t.kind == TokenKind::kName && peek(1).is_symbol("(")) return function_call(out, false);
  if (t.kind == TokenKind::kValuePlaceholder) return value_placeholder(out);
  return path(out);
}

bool Parser::value_placeholder(Operand& out) {
  if (peek().kind != TokenKind::kValuePlaceholder) return fail();
  out = Operand{};
  out.kind = OperandKind::kValue;
  out.placeholder = std::string(peek().text);
  ++pos_;
  return true;
}

bool Parser::function_call(Operand& out, bool update_grammar) {
  out = Operand{};
  out.kind = OperandKind::kFunction;
  out.name = std::string(peek().text);
  pos_ += 2;  // name "("
  do {
    Operand arg;
    if (!(update_grammar ? update_operand(arg) : operand(arg))) return false;
    out.args.push_back(std::move(arg));
  } while (accept_symbol(","));
  if (!accept_symbol(")")) return fail();
  if (!update_grammar) ++facts_.operator_count;
  return true;
}

bool Parser::path(Operand& out) {
  out = Operand{};
  out.kind = OperandKind::kPath;
  auto element = [&]() {
    const Token& t = peek();
    if (t.kind != TokenKind::kName && t.kind != TokenKind::kNamePlaceholder) return fail();
    out.raw_path.push_back(RawPathElement{std::string(t.text), -1});
    ++pos_;
    return true;
  };
  if (!element()) return false;
  while (true) {
    if (accept_symbol(".")) {
      if (!element()) return false;
    } else if (accept_symbol("[")) {
      const Token& t = peek();
      if (t.kind != TokenKind::kNumber) return fail();
      // Indexes past int range are kept (saturated) so that the range check can report them.
      int64_t index = 0;
      for (char c : t.text) index = index > (INT64_MAX - 9) / 10 ? INT64_MAX : index * 10 + (c - '0');
      out.raw_path.push_back(RawPathElement{std::string(t.text), index});
      ++pos_;
      if (!accept_symbol("]")) return fail();
    } else {
      return true;
    }
  }
}

}  // namespace eddy::expr
