// The recursive-descent parser behind parse_statement (internal to the parser files): the entry and
// tokens in parser.cc, SELECT in parser_select.cc, INSERT/UPDATE/DELETE in parser_dml.cc, operators
// in parser_expression.cc, paths and primaries in parser_primary.cc.
//
// Grammar (keywords in any case; [x] optional, {x} repeated):
//   statement  := (select | insert | update | delete | ddl | expression) [';']
//   select     := SELECT [DISTINCT] ('*' | item {',' item}) FROM source {(',' | JOIN) source [ON expr]}
//                 [WHERE expr] [GROUP BY expr {',' expr}] [HAVING expr]
//                 [ORDER BY expr [ASC | DESC] {',' ...}] [LIMIT expr [OFFSET expr]]
//   source     := name ['.' name] | anything else (refused)          name := identifier | "quoted"
//   insert     := INSERT INTO name ['.' name] VALUE expr [AT expr] [RETURNING returning]
//   update     := UPDATE name ['.' name] {SET path '=' expr {',' path '=' expr} | REMOVE path}
//                 [WHERE expr] [RETURNING returning]
//   delete     := DELETE FROM name ['.' name] [WHERE expr] [RETURNING returning]
//   returning  := (ALL | MODIFIED) (OLD | NEW) '*'
//   expr       := or;  or := and {OR and};  and := not {AND not};  not := NOT not | predicate
//   predicate  := concat {cmp concat | [NOT] IN concat | [NOT] BETWEEN concat AND concat
//                         | [NOT] LIKE concat | IS [NOT] type}
//   concat     := additive {'||' additive};  additive := term {('+' | '-') term}
//   term       := unary {('*' | '/' | '%') unary};  unary := ('+' | '-') unary | postfix
//   postfix    := primary {'.' name | '.' '*' | '[' expr ']' | '[' '*' ']'}
//   primary    := literal | '?' | `ion` | name | name '(' [arg {',' arg}] ')' | '(' expr {',' expr} ')'
//                 | '(' select ')' | '[' ... ']' | '<<' ... '>>' | '{' expr ':' expr {',' ...} '}'
//                 | EXISTS '(' select ')' | DATE 'text' | TIME 'text' | CAST '(' expr AS type ')'
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "partiql/ast.h"
#include "partiql/lexer.h"

namespace eddy::partiql {

class StatementParser {
 public:
  StatementParser(std::string_view text, std::vector<Token> tokens);
  Result<Statement> parse();

 private:
  // Statements (parser_select.cc, parser_dml.cc).
  bool select(SelectStatement& out);
  bool projection(SelectStatement& out);
  bool from_clause(SelectStatement& out);
  bool join();
  bool source(TableRef& out, bool first);
  bool select_tail(SelectStatement& out);
  bool insert(InsertStatement& out);
  bool update(UpdateStatement& out);
  bool update_actions(UpdateStatement& out);
  bool remove(DeleteStatement& out);
  bool dml_table(TableRef& out, bool index_allowed);
  bool returning(Returning& out);
  bool ddl(std::string& operation);
  bool alias();
  bool name(std::string& out);

  // Expressions (parser_expression.cc, parser_primary.cc).
  bool expression(Expr& out);
  bool or_expr(Expr& out);
  bool and_expr(Expr& out);
  bool not_expr(Expr& out);
  bool predicate(Expr& out);
  bool is_type(Expr& operand);
  bool concat(Expr& out);
  bool additive(Expr& out);
  bool term(Expr& out);
  bool unary(Expr& out);
  bool postfix(Expr& out);
  bool path_steps(Expr& out);
  bool primary(Expr& out);
  bool parenthesized(Expr& out);
  bool call(Expr& out);
  bool sequence(Expr& out, ExprKind kind, std::string_view close);
  bool struct_literal(Expr& out);
  bool subquery(Expr& out);

  // Tokens.
  const Token& peek(std::size_t ahead = 0) const;
  const Token& take();
  bool accept_keyword(std::string_view keyword);
  bool accept_symbol(std::string_view symbol);
  bool at_reserved_word(std::size_t ahead = 0) const;
  bool enter();  // one bracket deeper; false past kMaxNestingDepth
  void leave() { --depth_; }
  // Records the first refusal of something that parsed; parsing goes on so that a later syntax
  // error still wins, as it does in DynamoDB.
  void refuse(ApiError error);

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int parameters_ = 0;
  bool too_deep_ = false;
  std::optional<ApiError> refused_;
};

}  // namespace eddy::partiql
