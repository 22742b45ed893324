// The SELECT half of StatementParser (grammar in statement_parser.h): projection, FROM sources and
// the clauses after WHERE, with DynamoDB's refusals of aliases, joins and SQL's other clauses.
#include "partiql/errors.h"
#include "partiql/statement_parser.h"

namespace eddy::partiql {

// [AS] name or AT name after a source: DynamoDB has no aliases.
bool StatementParser::alias() {
  std::string ignored;
  if (accept_keyword("AS") || accept_keyword("AT")) {
    if (!name(ignored)) return false;
    refuse(errors::aliasing());
  } else if (name(ignored)) {
    refuse(errors::aliasing());
  }
  return true;
}

bool StatementParser::projection(SelectStatement& out) {
  if (accept_keyword("DISTINCT")) refuse(errors::unsupported_token("DISTINCT"));
  else accept_keyword("ALL");
  if (accept_keyword("VALUE") || accept_keyword("PIVOT")) {
    refuse(errors::select_value_or_pivot());
    Expr ignored;
    if (!expression(ignored)) return false;
    if (accept_keyword("AT") && !expression(ignored)) return false;
    return true;
  }
  if (accept_symbol("*")) {
    out.star = true;
    return true;
  }
  do {
    Expr item;
    if (!expression(item)) return false;
    if (!alias()) return false;
    out.projection.push_back(std::move(item));
  } while (accept_symbol(","));
  return true;
}

// One FROM source. Only a path of one or two names (table, table.index) is a source DynamoDB reads.
bool StatementParser::source(TableRef& out, bool first) {
  const Token& start = peek();
  bool path = start.kind == TokenKind::kQuotedIdentifier ||
              (start.kind == TokenKind::kIdentifier && !at_reserved_word() && !peek(1).is_symbol("("));
  if (!path) {
    Expr other;
    if (!postfix(other)) return false;
    refuse(errors::unexpected_from_source());
    return alias();
  }
  std::vector<std::string> names{take().text};
  while (true) {
    if (accept_symbol(".")) {
      if (peek().is_symbol("*")) {
        refuse(errors::unpivot_path(take().where));
        continue;
      }
      std::string next;
      if (!name(next)) return false;
      names.push_back(std::move(next));
    } else if (accept_symbol("[")) {
      Expr index;
      if (!accept_symbol("*") && !expression(index)) return false;
      if (!accept_symbol("]")) return false;
      refuse(errors::list_in_source());
    } else {
      break;
    }
  }
  for (const std::string& part : names) {
    if (part.empty()) refuse(errors::empty_path_component());
  }
  if (names.size() > 2) refuse(errors::from_path_components());
  if (first) {
    out.table = names[0];
    if (names.size() > 1) out.index = names[1];
  }
  return alias();
}

bool StatementParser::join() {
  if (accept_symbol(",")) return true;
  std::size_t start = pos_;
  if (!accept_keyword("INNER") && !accept_keyword("CROSS")) {
    if (accept_keyword("LEFT") || accept_keyword("RIGHT") || accept_keyword("FULL")) accept_keyword("OUTER");
  }
  if (accept_keyword("JOIN")) return true;
  pos_ = start;
  return false;
}

bool StatementParser::from_clause(SelectStatement& out) {
  if (!accept_keyword("FROM")) return false;
  if (!source(out.from, true)) return false;
  while (join()) {
    refuse(errors::single_source_select());
    TableRef ignored;
    if (!source(ignored, false)) return false;
    Expr on;
    if (accept_keyword("ON") && !expression(on)) return false;
  }
  return true;
}

bool StatementParser::select_tail(SelectStatement& out) {
  Expr ignored;
  if (accept_keyword("GROUP")) {
    accept_keyword("PARTIAL");
    if (!accept_keyword("BY")) return false;
    do {
      if (!expression(ignored)) return false;
    } while (accept_symbol(","));
    refuse(errors::unsupported_clause("GROUP BY"));
  }
  if (accept_keyword("HAVING")) {
    if (!expression(ignored)) return false;
    refuse(errors::unsupported_clause("HAVING", ignored.where));
  }
  if (accept_keyword("ORDER")) {
    if (!accept_keyword("BY")) return false;
    do {
      OrderTerm term;
      if (!expression(term.key)) return false;
      if (accept_keyword("DESC")) term.descending = true;
      else accept_keyword("ASC");
      out.order_by.push_back(std::move(term));
    } while (accept_symbol(","));
  }
  if (accept_keyword("LIMIT")) {
    if (!expression(ignored)) return false;
    refuse(errors::unsupported_clause("LIMIT", ignored.where));
    if (accept_keyword("OFFSET") && !expression(ignored)) return false;
  }
  return true;
}

bool StatementParser::select(SelectStatement& out) {
  out.select_keyword = take().where;  // SELECT
  if (!projection(out) || !from_clause(out)) return false;
  if (accept_keyword("WHERE")) {
    Expr where;
    if (!expression(where)) return false;
    out.where = std::move(where);
  }
  return select_tail(out);
}

}  // namespace eddy::partiql
