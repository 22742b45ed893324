// The PartiQL lexer: statement text to tokens. Keywords are identifiers compared without case;
// "double quotes" make an identifier that is never a keyword; 'single quotes' make a string ('' is
// a quote inside one; a backslash is just a backslash); `backticks` hold an Ion literal, which
// DynamoDB refuses later. Comments run from -- to the end of the line or between /* and */.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "partiql/source_location.h"

namespace eddy::partiql {

enum class TokenKind {
  kIdentifier,        // select, Tab, $a (the text as written)
  kQuotedIdentifier,  // "Tab" (text without the quotes, "" undoubled)
  kString,            // 'it''s' (text without the quotes, '' undoubled)
  kNumber,            // 12, 1.5, .5, 1e3 (text as written)
  kIonLiteral,        // `{a: 1}` (text between the backticks)
  kParameter,         // ?
  kSymbol,            // ( ) [ ] { } , . : ; * = <> != < <= > >= + - / % || << >>
  kEnd,               // end of the statement
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  SourceLocation where;
  bool decimal = false;  // kNumber: written with a '.' or an exponent

  bool is_symbol(std::string_view symbol) const { return kind == TokenKind::kSymbol && text == symbol; }
  // An unquoted identifier equal to `keyword` (given in upper case) without regard to case.
  bool is_keyword(std::string_view keyword) const;
};

// The tokens of `statement`, ending with one kEnd token. An unterminated string, quoted identifier,
// Ion literal or comment, or a character PartiQL does not know, is DynamoDB's "Statement wasn't
// well formed" error.
Result<std::vector<Token>> tokenize(std::string_view statement);

}  // namespace eddy::partiql
