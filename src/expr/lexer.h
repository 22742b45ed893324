// The expression lexer: turns expression text into tokens the parsers read. Token shapes follow
// DynamoDB: names start with a letter, placeholders are #name / :value, list indexes are digit
// runs ("0" alone, or not starting with 0), and any other character is a one-character token
// that only a syntax error will mention.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eddy::expr {

enum class TokenKind {
  kName,              // a1, attribute_exists
  kKeyword,           // AND OR NOT BETWEEN IN SET REMOVE ADD DELETE (any case); text keeps the case
  kNamePlaceholder,   // #n
  kValuePlaceholder,  // :v
  kNumber,            // 12 (list index)
  kSymbol,            // = <> < <= > >= ( ) [ ] , . + -
  kInvalid,           // any other character
  kEnd,               // end of the text
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // points into the expression text
  std::size_t offset = 0;
  // For kKeyword: the keyword in upper case, for cheap comparisons.
  std::string_view keyword;

  bool is_symbol(std::string_view s) const { return kind == TokenKind::kSymbol && text == s; }
  bool is_keyword(std::string_view k) const { return kind == TokenKind::kKeyword && keyword == k; }
};

// Always ends with one kEnd token (offset = text.size()).
std::vector<Token> tokenize(std::string_view text);

// DynamoDB's syntax error text (without the "Invalid XExpression: " prefix):
// Syntax error; token: "<tok>", near: "<previous token .. next token>".
std::string syntax_error_text(std::string_view text, const std::vector<Token>& tokens, std::size_t at);

}  // namespace eddy::expr
