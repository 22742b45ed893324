// Paths and primary expressions in StatementParser (grammar in statement_parser.h): literals,
// parameters, names, calls, parenthesized lists and subqueries, lists, bags and structs.
#include <cctype>

#include "partiql/keywords.h"
#include "partiql/statement_parser.h"

namespace eddy::partiql {
namespace {

// The Ion type DynamoDB names when it refuses a `backtick` literal.
std::string ion_type(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  if (text.empty()) return "SYMBOL";
  char c = text.front();
  if (text.substr(0, 2) == "{{") return "BLOB";
  if (c == '{') return "STRUCT";
  if (c == '[') return "LIST";
  if (c == '(') return "SEXP";
  if (c == '"') return "STRING";
  if (text.substr(0, 4) == "null") return "NULL";
  if (text.substr(0, 4) == "true" || text.substr(0, 5) == "false") return "BOOL";
  if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') {
    if (text.find('T') != std::string_view::npos) return "TIMESTAMP";
    if (text.find_first_of("eE") != std::string_view::npos) return "FLOAT";
    if (text.find_first_of(".dD") != std::string_view::npos) return "DECIMAL";
    return "INT";
  }
  return "SYMBOL";
}

}  // namespace

bool StatementParser::path_steps(Expr& out) {
  while (true) {
    PathStep step;
    if (accept_symbol(".")) {
      step.where = peek().where;
      if (accept_symbol("*")) {
        step.kind = PathStep::Kind::kUnpivot;
      } else if (!name(step.text)) {
        return false;
      }
    } else if (peek().is_symbol("[")) {
      take();
      step.where = peek().where;
      if (accept_symbol("*")) {
        step.kind = PathStep::Kind::kWildcard;
      } else {
        Expr index;
        if (!expression(index)) return false;
        step.where = index.where;
        step.text = index.text;
        bool literal = index.kind == ExprKind::kLiteral;
        if (literal && index.literal == LiteralKind::kNumber && !index.decimal) step.kind = PathStep::Kind::kIndex;
        else if (literal && index.literal == LiteralKind::kString) step.kind = PathStep::Kind::kName;
        else step.kind = PathStep::Kind::kExpression;
      }
      if (!accept_symbol("]")) return false;
    } else {
      return true;
    }
    out.steps.push_back(std::move(step));
  }
}

bool StatementParser::primary(Expr& out) {
  const Token& token = peek();
  out = Expr{};
  out.where = token.where;
  switch (token.kind) {
    case TokenKind::kNumber:
      out.literal = LiteralKind::kNumber;
      out.decimal = token.decimal;
      out.text = take().text;
      return true;
    case TokenKind::kString:
      out.literal = LiteralKind::kString;
      out.text = take().text;
      return true;
    case TokenKind::kIonLiteral:
      out.kind = ExprKind::kIonLiteral;
      out.text = ion_type(take().text);
      return true;
    case TokenKind::kParameter:
      take();
      out.kind = ExprKind::kParameter;
      out.parameter = parameters_++;
      return true;
    case TokenKind::kQuotedIdentifier:
      out.kind = ExprKind::kPath;
      out.text = take().text;
      return true;
    case TokenKind::kSymbol:
      if (token.is_symbol("(")) return parenthesized(out);
      if (token.is_symbol("[")) return sequence(out, ExprKind::kList, "]");
      if (token.is_symbol("<<")) return sequence(out, ExprKind::kBag, ">>");
      if (token.is_symbol("{")) return struct_literal(out);
      return false;
    case TokenKind::kIdentifier: break;
    case TokenKind::kEnd: return false;
  }
  if (token.is_keyword("TRUE") || token.is_keyword("FALSE")) {
    out.literal = LiteralKind::kBoolean;
    out.text = token.is_keyword("TRUE") ? "true" : "false";
    take();
    return true;
  }
  if (accept_keyword("NULL")) return true;  // a null literal
  if (accept_keyword("MISSING")) {
    out.kind = ExprKind::kMissing;
    return true;
  }
  if ((token.is_keyword("DATE") || token.is_keyword("TIME")) && peek(1).kind == TokenKind::kString) {
    take();
    out.kind = ExprKind::kTyped;
    out.where = take().where;
    return true;
  }
  if (peek(1).is_symbol("(") && (!is_reserved_word(token.text) || is_function_word(token.text))) return call(out);
  if (is_reserved_word(token.text)) return false;
  out.kind = ExprKind::kPath;
  out.text = take().text;
  return true;
}

bool StatementParser::call(Expr& out) {
  out.kind = ExprKind::kCall;
  bool cast = peek().is_keyword("CAST");
  out.text = take().text;
  if (cast) out.where = peek().where;  // DynamoDB places CAST(...) at its parenthesis
  take();                              // "("
  if (!enter()) return false;
  if (!accept_symbol(")")) {
    do {
      Expr arg;
      if (peek().is_symbol("*")) {
        arg.kind = ExprKind::kStar;
        arg.where = take().where;
      } else if (peek().is_keyword("SELECT")) {
        if (!subquery(arg)) return false;
      } else if (!expression(arg)) {
        return false;
      }
      if (cast && accept_keyword("AS")) {
        if (peek().kind != TokenKind::kIdentifier) return false;
        take();
      }
      out.children.push_back(std::move(arg));
    } while (accept_symbol(","));
    if (!accept_symbol(")")) return false;
  }
  leave();
  return true;
}

bool StatementParser::parenthesized(Expr& out) {
  SourceLocation open = take().where;
  if (!enter()) return false;
  if (peek().is_keyword("SELECT")) {
    if (!subquery(out) || !accept_symbol(")")) return false;
    leave();
    return true;
  }
  if (!expression(out)) return false;
  if (peek().is_symbol(",")) {  // (a, b) is a list
    Expr list;
    list.kind = ExprKind::kList;
    list.where = open;
    list.children.push_back(std::move(out));
    while (accept_symbol(",")) {
      Expr item;
      if (!expression(item)) return false;
      list.children.push_back(std::move(item));
    }
    out = std::move(list);
  }
  if (!accept_symbol(")")) return false;
  leave();
  return true;
}

bool StatementParser::sequence(Expr& out, ExprKind kind, std::string_view close) {
  out.kind = kind;
  out.where = take().where;
  if (!enter()) return false;
  if (!accept_symbol(close)) {
    do {
      Expr item;
      if (!expression(item)) return false;
      out.children.push_back(std::move(item));
    } while (accept_symbol(","));
    if (!accept_symbol(close)) return false;
  }
  leave();
  return true;
}

bool StatementParser::struct_literal(Expr& out) {
  out.kind = ExprKind::kStruct;
  out.where = take().where;
  if (!enter()) return false;
  if (!accept_symbol("}")) {
    do {
      Expr key, value;
      if (!expression(key) || !accept_symbol(":") || !expression(value)) return false;
      out.children.push_back(std::move(key));
      out.children.push_back(std::move(value));
    } while (accept_symbol(","));
    if (!accept_symbol("}")) return false;
  }
  leave();
  return true;
}

bool StatementParser::subquery(Expr& out) {
  out = Expr{};
  out.kind = ExprKind::kSubquery;
  out.where = peek().where;
  auto select_statement = std::make_shared<SelectStatement>();
  if (!select(*select_statement)) return false;
  out.subquery = std::move(select_statement);
  return true;
}

}  // namespace eddy::partiql
