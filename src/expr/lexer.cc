// Tokenizer for DynamoDB expressions and the "Syntax error" message built from its tokens.
#include "expr/lexer.h"

#include <array>

namespace eddy::expr {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_letter(c) || is_digit(c) || c == '_'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::array<std::string_view, 9> kKeywords = {"AND", "OR",     "NOT", "BETWEEN", "IN",
                                                       "SET", "REMOVE", "ADD", "DELETE"};

std::string_view keyword_of(std::string_view word) {
  for (std::string_view keyword : kKeywords) {
    if (keyword.size() != word.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      char c = word[i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      same = c == keyword[i];
    }
    if (same) return keyword;
  }
  return {};
}

// Length of the UTF-8 character starting at text[i] (1 for stray bytes).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return i + n <= text.size() ? n : 1;
}

std::size_t symbol_length(std::string_view text, std::size_t i) {
  char c = text[i];
  char next = i + 1 < text.size() ? text[i + 1] : '\0';
  if (c == '<' && (next == '>' || next == '=')) return 2;
  if (c == '>' && next == '=') return 2;
  static constexpr std::string_view kSingle = "=<>()[],.+-";
  return kSingle.find(c) != std::string_view::npos ? 1 : 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    Token token;
    token.offset = i;
    std::size_t end = i + 1;
    if (is_letter(c)) {
      while (end < text.size() && is_word_char(text[end])) ++end;
      token.kind = TokenKind::kName;
      token.keyword = keyword_of(text.substr(i, end - i));
      if (!token.keyword.empty()) token.kind = TokenKind::kKeyword;
    } else if ((c == '#' || c == ':') && end < text.size() && is_word_char(text[end])) {
      while (end < text.size() && is_word_char(text[end])) ++end;
      token.kind = c == '#' ? TokenKind::kNamePlaceholder : TokenKind::kValuePlaceholder;
    } else if (is_digit(c)) {
      if (c != '0') {
        while (end < text.size() && is_digit(text[end])) ++end;
      }
      token.kind = TokenKind::kNumber;
    } else if (std::size_t n = symbol_length(text, i); n > 0) {
      end = i + n;
      token.kind = TokenKind::kSymbol;
    } else {
      end = i + utf8_length(text, i);
      token.kind = TokenKind::kInvalid;
    }
    token.text = text.substr(i, end - i);
    tokens.push_back(token);
    i = end;
  }
  Token last;
  last.kind = TokenKind::kEnd;
  last.offset = text.size();
  tokens.push_back(last);
  return tokens;
}

std::string syntax_error_text(std::string_view text, const std::vector<Token>& tokens, std::size_t at) {
  const Token& token = tokens[at];
  std::size_t from = at > 0 ? tokens[at - 1].offset : 0;
  std::size_t to = text.size();
  if (token.kind != TokenKind::kEnd) {
    const Token& next = tokens[at + 1];
    to = next.kind == TokenKind::kEnd ? text.size() : next.offset + next.text.size();
  }
  std::string shown = token.kind == TokenKind::kEnd ? "<EOF>" : std::string(token.text);
  return "Syntax error; token: \"" + shown + "\", near: \"" + std::string(text.substr(from, to - from)) + "\"";
}

}  // namespace eddy::expr
