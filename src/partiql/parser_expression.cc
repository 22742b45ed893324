// Operators in StatementParser (grammar in statement_parser.h), by precedence. Chains of NOT and of
// unary signs are read in a loop, so only brackets (parser_primary.cc) deepen the recursion, and
// they are bounded by kMaxNestingDepth.
#include <cctype>

#include "partiql/statement_parser.h"

namespace eddy::partiql {
namespace {

Expr binary(ExprKind kind, const Token& op, Expr left, Expr right) {
  Expr node;
  node.kind = kind;
  node.where = op.where;
  node.text = op.text;
  node.children.push_back(std::move(left));
  node.children.push_back(std::move(right));
  return node;
}

bool is_comparison(const Token& token) {
  static constexpr std::string_view kComparisons[] = {"=", "<>", "!=", "<", "<=", ">", ">="};
  if (token.kind != TokenKind::kSymbol) return false;
  for (std::string_view op : kComparisons) {
    if (token.text == op) return true;
  }
  return false;
}

// The canonical name of a PartiQL type after IS, or "" for a word that names no type.
std::string type_name(std::string word) {
  for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"BOOL", "BOOLEAN"},      {"INT", "INTEGER"},    {"INT2", "SMALLINT"},
      {"INTEGER2", "SMALLINT"}, {"INT4", "INTEGER4"},  {"INT8", "INTEGER8"},
      {"DEC", "DECIMAL"},       {"CHAR", "CHARACTER"}, {"VARCHAR", "CHARACTER_VARYING"}};
  for (auto [alias, name] : kAliases) {
    if (word == alias) return std::string(name);
  }
  static constexpr std::string_view kTypes[] = {
      "MISSING",   "NULL",      "BOOLEAN",  "STRING",   "NUMERIC", "BLOB",  "STRUCT", "TUPLE",  "LIST",
      "SMALLINT",  "INTEGER",   "INTEGER4", "INTEGER8", "BIGINT",  "FLOAT", "REAL",   "DOUBLE", "DECIMAL",
      "TIMESTAMP", "CHARACTER", "SYMBOL",   "CLOB",     "SEXP",    "BAG",   "DATE",   "TIME"};
  for (std::string_view type : kTypes) {
    if (word == type) return word;
  }
  return "";
}

}  // namespace

bool StatementParser::expression(Expr& out) { return or_expr(out); }

bool StatementParser::or_expr(Expr& out) {
  if (!and_expr(out)) return false;
  while (peek().is_keyword("OR")) {
    Token op = take();
    Expr right;
    if (!and_expr(right)) return false;
    out = binary(ExprKind::kOr, op, std::move(out), std::move(right));
  }
  return true;
}

bool StatementParser::and_expr(Expr& out) {
  if (!not_expr(out)) return false;
  while (peek().is_keyword("AND")) {
    Token op = take();
    Expr right;
    if (!not_expr(right)) return false;
    out = binary(ExprKind::kAnd, op, std::move(out), std::move(right));
  }
  return true;
}

bool StatementParser::not_expr(Expr& out) {
  std::vector<SourceLocation> nots;
  while (peek().is_keyword("NOT")) nots.push_back(take().where);
  if (!predicate(out)) return false;
  for (auto where = nots.rbegin(); where != nots.rend(); ++where) {
    Expr node;
    node.kind = ExprKind::kNot;
    node.where = *where;
    node.text = "NOT";
    node.children.push_back(std::move(out));
    out = std::move(node);
  }
  return true;
}

bool StatementParser::predicate(Expr& out) {
  if (!concat(out)) return false;
  while (true) {
    if (is_comparison(peek())) {
      Token op = take();
      Expr right;
      if (!concat(right)) return false;
      out = binary(ExprKind::kComparison, op, std::move(out), std::move(right));
      continue;
    }
    if (peek().is_keyword("IS")) {
      if (!is_type(out)) return false;
      continue;
    }
    bool negated = peek().is_keyword("NOT") &&
                   (peek(1).is_keyword("IN") || peek(1).is_keyword("BETWEEN") || peek(1).is_keyword("LIKE"));
    if (negated) take();
    Token op = peek();
    Expr node;
    node.where = op.where;
    node.text = op.text;
    node.negated = negated;
    node.children.push_back(std::move(out));
    Expr second;
    if (accept_keyword("IN")) {
      node.kind = ExprKind::kIn;
      if (!concat(second)) return false;
    } else if (accept_keyword("BETWEEN")) {
      node.kind = ExprKind::kBetween;
      Expr high;
      if (!concat(second) || !accept_keyword("AND") || !concat(high)) return false;
      node.children.push_back(std::move(second));
      second = std::move(high);
    } else if (accept_keyword("LIKE")) {
      node.kind = ExprKind::kLike;
      Expr escape;
      if (!concat(second)) return false;
      if (accept_keyword("ESCAPE") && !concat(escape)) return false;
    } else {
      out = std::move(node.children.front());
      return true;
    }
    node.children.push_back(std::move(second));
    out = std::move(node);
  }
}

bool StatementParser::is_type(Expr& operand) {
  Token is = take();
  Expr node;
  node.kind = ExprKind::kIs;
  node.where = is.where;
  node.negated = accept_keyword("NOT");
  if (peek().kind != TokenKind::kIdentifier) return false;
  node.text = type_name(peek().text);
  if (node.text.empty()) return false;
  take();
  if (node.text == "DOUBLE") {
    if (!accept_keyword("PRECISION")) return false;
    node.text = "DOUBLE_PRECISION";
  }
  node.children.push_back(std::move(operand));
  operand = std::move(node);
  return true;
}

bool StatementParser::concat(Expr& out) {
  if (!additive(out)) return false;
  while (peek().is_symbol("||")) {
    Token op = take();
    Expr right;
    if (!additive(right)) return false;
    out = binary(ExprKind::kArithmetic, op, std::move(out), std::move(right));
  }
  return true;
}

bool StatementParser::additive(Expr& out) {
  if (!term(out)) return false;
  while (peek().is_symbol("+") || peek().is_symbol("-")) {
    Token op = take();
    Expr right;
    if (!term(right)) return false;
    out = binary(ExprKind::kArithmetic, op, std::move(out), std::move(right));
  }
  return true;
}

bool StatementParser::term(Expr& out) {
  if (!unary(out)) return false;
  while (peek().is_symbol("*") || peek().is_symbol("/") || peek().is_symbol("%")) {
    Token op = take();
    Expr right;
    if (!unary(right)) return false;
    out = binary(ExprKind::kArithmetic, op, std::move(out), std::move(right));
  }
  return true;
}

// Signs before a number literal become part of it ("- 1.5" is the literal -1.5, located at "1.5",
// as DynamoDB locates it); before anything else they stay operators.
bool StatementParser::unary(Expr& out) {
  std::vector<Token> signs;
  while (peek().is_symbol("+") || peek().is_symbol("-")) signs.push_back(take());
  if (!postfix(out)) return false;
  for (auto sign = signs.rbegin(); sign != signs.rend(); ++sign) {
    bool number = out.kind == ExprKind::kLiteral && out.literal == LiteralKind::kNumber;
    if (number) {
      if (sign->text != "-") continue;
      if (out.text[0] == '-') out.text.erase(0, 1);
      else out.text.insert(out.text.begin(), '-');
      continue;
    }
    Expr node;
    node.kind = ExprKind::kUnary;
    node.where = sign->where;
    node.text = sign->text;
    node.children.push_back(std::move(out));
    out = std::move(node);
  }
  return true;
}

bool StatementParser::postfix(Expr& out) {
  if (!primary(out)) return false;
  if (!peek().is_symbol(".") && !peek().is_symbol("[")) return true;
  if (out.kind != ExprKind::kPath) {
    Expr path;
    path.kind = ExprKind::kPath;
    path.where = out.where;
    path.children.push_back(std::move(out));
    out = std::move(path);
  }
  return path_steps(out);
}

}  // namespace eddy::partiql
