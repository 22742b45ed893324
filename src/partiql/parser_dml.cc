// INSERT, UPDATE, DELETE, RETURNING and PartiQL's DDL in StatementParser (grammar in
// statement_parser.h).
#include "partiql/errors.h"
#include "partiql/statement_parser.h"

namespace eddy::partiql {

// The table of INSERT, UPDATE and DELETE: a name, or table.index, which DynamoDB refuses (with
// words that depend on the statement, so INSERT refuses here and UPDATE/DELETE once planned).
bool StatementParser::dml_table(TableRef& out, bool index_allowed) {
  if (!name(out.table)) return false;
  if (accept_symbol(".")) {
    std::string index;
    if (!name(index)) return false;
    if (index_allowed) out.index = index;
    else refuse(errors::dml_single_table());
  }
  if (out.table.empty() || (out.index && out.index->empty())) refuse(errors::empty_path_component());
  return true;
}

bool StatementParser::insert(InsertStatement& out) {
  SourceLocation keyword = take().where;  // INSERT
  if (!accept_keyword("INTO") || !dml_table(out.into, false)) return false;
  if (!accept_keyword("VALUE")) {
    // INSERT INTO t <<...>> and INSERT INTO t SELECT ... are PartiQL, not DynamoDB.
    Expr other;
    if (peek().is_keyword("SELECT")) {
      SelectStatement ignored;
      if (!select(ignored)) return false;
    } else if (peek().is_keyword("VALUES") || !expression(other)) {
      return false;
    }
    refuse(errors::unsupported_operation("InsertOp"));
    return true;
  }
  if (!expression(out.value)) return false;
  Expr position;
  if (accept_keyword("AT")) {
    if (!expression(position)) return false;
    refuse(errors::insert_at(keyword));
  }
  if (peek().is_keyword("RETURNING")) {
    Returning ignored;
    if (!returning(ignored)) return false;
    out.returning = true;
  }
  return true;
}

bool StatementParser::update_actions(UpdateStatement& out) {
  while (true) {
    if (accept_keyword("SET")) {
      do {
        UpdateAction action;
        if (!postfix(action.target) || action.target.kind != ExprKind::kPath || !action.target.children.empty()) {
          return false;
        }
        if (!accept_symbol("=") || !expression(action.value)) return false;
        out.actions.push_back(std::move(action));
      } while (accept_symbol(","));
    } else if (accept_keyword("REMOVE")) {
      UpdateAction action;
      action.remove = true;
      if (!postfix(action.target) || action.target.kind != ExprKind::kPath || !action.target.children.empty()) {
        return false;
      }
      out.actions.push_back(std::move(action));
    } else {
      return !out.actions.empty();
    }
  }
}

bool StatementParser::update(UpdateStatement& out) {
  take();  // UPDATE
  if (!dml_table(out.table, true) || !update_actions(out)) return false;
  if (accept_keyword("WHERE")) {
    Expr where;
    if (!expression(where)) return false;
    out.where = std::move(where);
  }
  return !peek().is_keyword("RETURNING") || returning(out.returning);
}

bool StatementParser::remove(DeleteStatement& out) {
  take();  // DELETE
  if (!accept_keyword("FROM") || !dml_table(out.from, true)) return false;
  if (accept_keyword("WHERE")) {
    Expr where;
    if (!expression(where)) return false;
    out.where = std::move(where);
  }
  return !peek().is_keyword("RETURNING") || returning(out.returning);
}

bool StatementParser::returning(Returning& out) {
  take();  // RETURNING
  bool first = true;
  do {
    bool all = accept_keyword("ALL");
    if (!all && !accept_keyword("MODIFIED")) return false;
    bool old = accept_keyword("OLD");
    if (!old && !accept_keyword("NEW")) return false;
    if (!accept_symbol("*")) {
      Expr column;
      if (!expression(column)) return false;
      refuse(errors::returning_star());
    }
    if (!first) refuse(errors::returning_multiple());
    if (first) {
      out = all ? (old ? Returning::kAllOld : Returning::kAllNew)
                : (old ? Returning::kModifiedOld : Returning::kModifiedNew);
    }
    first = false;
  } while (accept_symbol(","));
  return true;
}

// CREATE TABLE t, CREATE INDEX ON t (path), DROP TABLE t, DROP INDEX i ON t: PartiQL's DDL, which
// DynamoDB does not run.
bool StatementParser::ddl(std::string& operation) {
  bool create = take().is_keyword("CREATE");
  std::string ignored;
  if (accept_keyword("TABLE")) {
    operation = create ? "CreateTable" : "DropTable";
    return name(ignored);
  }
  if (!accept_keyword("INDEX")) return false;
  if (create) {
    if (!accept_keyword("ON") || !name(ignored) || !accept_symbol("(")) return false;
    do {
      Expr path;
      if (!postfix(path)) return false;
    } while (accept_symbol(","));
    if (!accept_symbol(")")) return false;
  } else if (!name(ignored) || !accept_keyword("ON") || !name(ignored)) {
    return false;
  }
  operation = create ? "CreateIndex" : "DropIndex";
  return true;
}

}  // namespace eddy::partiql
