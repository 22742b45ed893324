// The PartiQL lexer (see lexer.h). It tracks lines and columns as it goes so that every token
// carries the location DynamoDB's messages cite.
#include "partiql/lexer.h"

#include <cctype>

#include "partiql/errors.h"

namespace eddy::partiql {

bool Token::is_keyword(std::string_view keyword) const {
  if (kind != TokenKind::kIdentifier || text.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != keyword[i]) return false;
  }
  return true;
}

namespace {

bool identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool identifier_part(char c) { return identifier_start(c) || std::isdigit(static_cast<unsigned char>(c)); }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Two-character symbols first, so that "<=" is not read as "<" then "=".
constexpr std::string_view kLongSymbols[] = {"<>", "!=", "<=", ">=", "||", "<<", ">>"};
constexpr std::string_view kShortSymbols = "()[]{},.:;*=<>+-/%";

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Token>> run() {
    std::vector<Token> tokens;
    while (true) {
      if (!skip_space_and_comments()) return fail(errors::malformed(text_));
      if (pos_ >= text_.size()) break;
      Token token;
      start_ = pos_;
      token.where = SourceLocation{line_, column_, 0};
      if (!next(token)) return fail(errors::malformed(text_));
      token.where.length = column_ - token.where.column;
      tokens.push_back(std::move(token));
    }
    Token end;
    end.where = SourceLocation{line_, column_, 0};
    tokens.push_back(std::move(end));
    return tokens;
  }

 private:
  // Moves one byte on, counting columns in characters (code points): continuation bytes add nothing.
  void advance() {
    unsigned char c = static_cast<unsigned char>(text_[pos_++]);
    if (c == '\n' || (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n'))) {
      ++line_;
      column_ = 1;
    } else if (c == '\r') {
      // "\r\n" counts as one line break, at its '\n'.
    } else if ((c & 0xC0) != 0x80) {
      ++column_;
    }
  }
  bool at(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

  bool skip_space_and_comments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else if (at("--")) {
        while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') advance();
      } else if (at("/*")) {
        advance();
        advance();
        while (pos_ < text_.size() && !at("*/")) advance();
        if (pos_ >= text_.size()) return false;
        advance();
        advance();
      } else {
        return true;
      }
    }
    return true;
  }

  // Reads up to the closing `quote`; a doubled quote stands for one (unless `doubling` is false).
  bool quoted(char quote, bool doubling, std::string& out) {
    advance();  // opening quote
    while (pos_ < text_.size()) {
      if (text_[pos_] == quote) {
        if (doubling && pos_ + 1 < text_.size() && text_[pos_ + 1] == quote) {
          out += quote;
          advance();
          advance();
          continue;
        }
        advance();
        return true;
      }
      out += text_[pos_];
      advance();
    }
    return false;
  }

  bool number(Token& token) {
    token.kind = TokenKind::kNumber;
    while (pos_ < text_.size() && digit(text_[pos_])) advance();
    if (pos_ < text_.size() && text_[pos_] == '.') {
      token.decimal = true;
      advance();
      while (pos_ < text_.size() && digit(text_[pos_])) advance();
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      token.decimal = true;
      advance();
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) advance();
      if (pos_ >= text_.size() || !digit(text_[pos_])) return false;  // "1e" is no number
      while (pos_ < text_.size() && digit(text_[pos_])) advance();
    }
    token.text = std::string(text_.substr(start_, pos_ - start_));
    return true;
  }

  bool symbol(Token& token) {
    token.kind = TokenKind::kSymbol;
    for (std::string_view s : kLongSymbols) {
      if (at(s)) {
        token.text = std::string(s);
        advance();
        advance();
        return true;
      }
    }
    if (kShortSymbols.find(text_[pos_]) == std::string_view::npos) return false;
    token.text = std::string(1, text_[pos_]);
    advance();
    return true;
  }

  bool next(Token& token) {
    char c = text_[pos_];
    if (identifier_start(c)) {
      token.kind = TokenKind::kIdentifier;
      while (pos_ < text_.size() && identifier_part(text_[pos_])) advance();
      token.text = std::string(text_.substr(start_, pos_ - start_));
      return true;
    }
    if (digit(c) || (c == '.' && pos_ + 1 < text_.size() && digit(text_[pos_ + 1]))) return number(token);
    if (c == '\'') {
      token.kind = TokenKind::kString;
      return quoted('\'', true, token.text);
    }
    if (c == '"') {
      token.kind = TokenKind::kQuotedIdentifier;
      return quoted('"', true, token.text);
    }
    if (c == '`') {
      token.kind = TokenKind::kIonLiteral;
      return quoted('`', false, token.text);
    }
    if (c == '?') {
      token.kind = TokenKind::kParameter;
      token.text = "?";
      advance();
      return true;
    }
    return symbol(token);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

Result<std::vector<Token>> tokenize(std::string_view statement) { return Lexer(statement).run(); }

}  // namespace eddy::partiql
