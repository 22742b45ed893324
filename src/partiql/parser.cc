// parse_statement, StatementParser's token helpers and the statement dispatch (grammar in
// statement_parser.h). What parses but is no part of DynamoDB's dialect is refused with DynamoDB's words
// once the statement has parsed to its end (refuse()), so that a syntax error further on still wins.
#include "partiql/parser.h"

#include "model/result.h"
#include "partiql/errors.h"
#include "partiql/keywords.h"
#include "partiql/statement_parser.h"

namespace eddy::partiql {

const char* returning_text(Returning returning) {
  switch (returning) {
    case Returning::kAllOld: return "ALL OLD *";
    case Returning::kModifiedOld: return "MODIFIED OLD *";
    case Returning::kAllNew: return "ALL NEW *";
    case Returning::kModifiedNew: return "MODIFIED NEW *";
    case Returning::kNone: break;
  }
  return "";
}

StatementParser::StatementParser(std::string_view text, std::vector<Token> tokens)
    : text_(text), tokens_(std::move(tokens)) {}

const Token& StatementParser::peek(std::size_t ahead) const {
  return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}

const Token& StatementParser::take() {
  const Token& token = peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return token;
}

bool StatementParser::accept_keyword(std::string_view keyword) {
  if (!peek().is_keyword(keyword)) return false;
  take();
  return true;
}

bool StatementParser::accept_symbol(std::string_view symbol) {
  if (!peek().is_symbol(symbol)) return false;
  take();
  return true;
}

bool StatementParser::at_reserved_word(std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::kIdentifier && is_reserved_word(token.text);
}

bool StatementParser::enter() {
  if (++depth_ <= kMaxNestingDepth) return true;
  too_deep_ = true;
  return false;
}

void StatementParser::refuse(ApiError error) {
  if (!refused_) refused_ = std::move(error);
}

bool StatementParser::name(std::string& out) {
  const Token& token = peek();
  if (token.kind == TokenKind::kQuotedIdentifier || (token.kind == TokenKind::kIdentifier && !at_reserved_word())) {
    out = take().text;
    return true;
  }
  return false;
}

Result<Statement> StatementParser::parse() {
  Statement statement;
  statement.text = std::string(text_);
  const Token& first = peek();
  bool ok = false;
  if (first.is_keyword("SELECT")) {
    SelectStatement select_statement;
    ok = select(select_statement);
    // SELECT ... UNION SELECT ...: DynamoDB reads a set operation as a condition (see binder.cc).
    if (ok && (peek().is_keyword("UNION") || peek().is_keyword("INTERSECT") || peek().is_keyword("EXCEPT"))) {
      Expr set_operation;
      set_operation.kind = ExprKind::kArithmetic;
      set_operation.where = peek().where;
      set_operation.text = take().text;
      if (!accept_keyword("ALL")) accept_keyword("DISTINCT");
      SelectStatement right;
      ok = peek().is_keyword("SELECT") && select(right);
      statement.body = ExpressionStatement{std::move(set_operation), {}};
    } else {
      statement.body = std::move(select_statement);
    }
  } else if (first.is_keyword("INSERT")) {
    InsertStatement insert_statement;
    ok = insert(insert_statement);
    statement.body = std::move(insert_statement);
  } else if (first.is_keyword("UPDATE")) {
    UpdateStatement update_statement;
    ok = update(update_statement);
    statement.body = std::move(update_statement);
  } else if (first.is_keyword("DELETE")) {
    DeleteStatement delete_statement;
    ok = remove(delete_statement);
    statement.body = std::move(delete_statement);
  } else if (first.is_keyword("CREATE") || first.is_keyword("DROP")) {
    ExpressionStatement ddl_statement;
    ok = ddl(ddl_statement.operation);
    statement.body = std::move(ddl_statement);
  } else {
    ExpressionStatement expression_statement;
    ok = expression(expression_statement.expression);
    statement.body = std::move(expression_statement);
  }
  accept_symbol(";");
  if (too_deep_) return fail(errors::nesting_too_deep());
  if (!ok || peek().kind != TokenKind::kEnd) return fail(errors::malformed(text_));
  if (refused_) return fail(*refused_);
  statement.parameter_count = static_cast<std::size_t>(parameters_);
  return statement;
}

Result<Statement> parse_statement(std::string_view text) {
  EDDY_TRY(auto tokens, tokenize(text));
  return StatementParser(text, std::move(tokens)).parse();
}

}  // namespace eddy::partiql
