// Reading the Ion text of ion_format.h: a small recursive-descent parser over one line, for the
// values DynamoDB's items use. Nesting is capped, so no line can exhaust the stack.
#include <cctype>
#include <optional>

#include "export/ion_format.h"
#include "model/number.h"
#include "model/result.h"
#include "protocol/base64.h"

namespace eddy::exports {
namespace {

constexpr int kMaxDepth = 64;

class IonParser {
 public:
  explicit IonParser(std::string_view text) : text_(text) {}

  // The next top-level value that is not the version marker; nullopt at the end.
  Result<std::optional<AttributeValue>> next_top_level() {
    while (true) {
      skip_space();
      if (at_ == text_.size()) return std::optional<AttributeValue>{};
      if (text_.substr(at_).starts_with("$ion_1_0") && !is_symbol_char(peek(8))) {
        at_ += 8;
        continue;
      }
      EDDY_TRY(AttributeValue value, read_value(0));
      return std::optional<AttributeValue>{std::move(value)};
    }
  }

 private:
  char peek(std::size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
  static bool is_symbol_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
  tl::unexpected<ApiError> error(const std::string& what) const {
    return validation_error("Invalid Ion at character " + std::to_string(at_ + 1) + ": " + what);
  }

  void skip_space() {
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++at_;
      } else if (c == '/' && peek(1) == '/') {
        at_ = text_.size();
      } else if (c == '/' && peek(1) == '*') {
        auto end = text_.find("*/", at_ + 2);
        at_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  std::string read_symbol() {
    std::size_t start = at_;
    while (is_symbol_char(peek())) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  Result<std::string> read_quoted(char quote) {
    ++at_;
    std::string out;
    while (at_ < text_.size() && text_[at_] != quote) {
      char c = text_[at_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (at_ >= text_.size()) break;
      char e = text_[at_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case '0': out.push_back('\0'); break;
        case 'x': {
          if (at_ + 2 > text_.size()) return error("a short \\x escape");
          out.push_back(static_cast<char>(std::stoi(std::string(text_.substr(at_, 2)), nullptr, 16)));
          at_ += 2;
          break;
        }
        default: out.push_back(e);
      }
    }
    if (at_ >= text_.size()) return error("an unterminated string");
    ++at_;
    return out;
  }

  // A string, or adjacent long strings ('''a''' '''b''') joined.
  Result<std::string> read_string() {
    if (text_.substr(at_).starts_with("'''")) {
      std::string out;
      while (text_.substr(at_).starts_with("'''")) {
        auto end = text_.find("'''", at_ + 3);
        if (end == std::string_view::npos) return error("an unterminated long string");
        out += text_.substr(at_ + 3, end - at_ - 3);
        at_ = end + 3;
        skip_space();
      }
      return out;
    }
    return read_quoted(peek());
  }

  Result<std::string> read_field_name() {
    char c = peek();
    if (c == '"' || c == '\'') return read_string();
    if (!is_symbol_char(c)) return error("a field name was expected");
    return read_symbol();
  }

  Result<AttributeValue> read_number() {
    std::size_t start = at_;
    while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '.' ||
                                  text_[at_] == '-' || text_[at_] == '+' || text_[at_] == '_')) {
      ++at_;
    }
    std::string text;
    for (char c : text_.substr(start, at_ - start)) {
      if (c == '_') continue;
      text.push_back(c == 'd' || c == 'D' ? 'E' : c);
    }
    if (!text.empty() && text.back() == '.') text.pop_back();
    auto number = Number::parse(text);
    if (!number) return error("not a DynamoDB number: " + std::string(text_.substr(start, at_ - start)));
    return AttributeValue::number(number->to_string());
  }

  Result<std::string> read_blob() {
    at_ += 2;
    auto end = text_.find("}}", at_);
    if (end == std::string_view::npos) return error("an unterminated blob");
    std::string base64;
    for (char c : text_.substr(at_, end - at_)) {
      if (!std::isspace(static_cast<unsigned char>(c))) base64.push_back(c);
    }
    at_ = end + 2;
    auto bytes = base64_decode(base64);
    if (!bytes) return error("a blob that is not base64");
    return *bytes;
  }

  Result<AttributeValue> read_struct(int depth) {
    ++at_;
    AttributeValue value;
    value.type = AttributeType::kM;
    skip_space();
    while (peek() != '}') {
      EDDY_TRY(std::string name, read_field_name());
      skip_space();
      if (peek() != ':') return error("':' was expected after a field name");
      ++at_;
      EDDY_TRY(AttributeValue member, read_value(depth + 1));
      value.map[name] = std::move(member);
      skip_space();
      if (peek() == ',') {
        ++at_;
        skip_space();
      } else if (peek() != '}') {
        return error("',' or '}' was expected");
      }
    }
    ++at_;
    return value;
  }

  Result<AttributeValue> read_list(int depth, const std::string& annotation) {
    ++at_;
    AttributeValue value;
    value.type = AttributeType::kL;
    skip_space();
    while (peek() != ']') {
      EDDY_TRY(AttributeValue element, read_value(depth + 1));
      value.list.push_back(std::move(element));
      skip_space();
      if (peek() == ',') {
        ++at_;
        skip_space();
      } else if (peek() != ']') {
        return error("',' or ']' was expected");
      }
    }
    ++at_;
    if (annotation.empty()) return value;
    return as_set(std::move(value), annotation);
  }

  Result<AttributeValue> as_set(AttributeValue list, const std::string& annotation) {
    AttributeValue set;
    AttributeType member = annotation == "$dynamodb_SS"   ? AttributeType::kS
                           : annotation == "$dynamodb_NS" ? AttributeType::kN
                                                          : AttributeType::kB;
    set.type = member == AttributeType::kS   ? AttributeType::kSS
               : member == AttributeType::kN ? AttributeType::kNS
                                             : AttributeType::kBS;
    for (auto& element : list.list) {
      if (element.type != member) return error("a member of " + annotation + " of another type");
      set.set.push_back(std::move(element.scalar));
    }
    if (set.set.empty()) return error("an empty set");
    return set;
  }

  Result<AttributeValue> read_keyword(int depth) {
    std::string symbol = read_symbol();
    if (symbol == "true" || symbol == "false") return AttributeValue::boolean_value(symbol == "true");
    if (symbol == "null") {
      if (peek() == '.') {
        ++at_;
        read_symbol();
      }
      return AttributeValue::null();
    }
    skip_space();
    if (peek() == ':' && peek(1) == ':') {
      at_ += 2;
      skip_space();
      if (symbol != "$dynamodb_SS" && symbol != "$dynamodb_NS" && symbol != "$dynamodb_BS") return read_value(depth);
      if (peek() != '[') return error(symbol + " must annotate a list");
      return read_list(depth, symbol);
    }
    return error("the symbol " + symbol + " is not a DynamoDB value");
  }

  Result<AttributeValue> read_value(int depth) {
    if (depth > kMaxDepth) return error("values nested too deeply");
    skip_space();
    char c = peek();
    if (c == '{' && peek(1) == '{') {
      EDDY_TRY(std::string bytes, read_blob());
      return AttributeValue::binary(std::move(bytes));
    }
    if (c == '{') return read_struct(depth);
    if (c == '[') return read_list(depth, "");
    if (c == '"' || text_.substr(at_).starts_with("'''")) {
      EDDY_TRY(std::string text, read_string());
      return AttributeValue::string(std::move(text));
    }
    if (c == '\'') {  // a quoted annotation ('$dynamodb_SS'::[...]) or symbol
      EDDY_TRY(std::string symbol, read_quoted('\''));
      skip_space();
      if (peek() == ':' && peek(1) == ':') {
        at_ += 2;
        skip_space();
        if (peek() == '[' && symbol.starts_with("$dynamodb_")) return read_list(depth, symbol);
        return read_value(depth);
      }
      return error("a symbol is not a DynamoDB value");
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') return read_number();
    if (is_symbol_char(c)) return read_keyword(depth);
    if (c == '\0') return error("a value was expected");
    return error(std::string("unexpected '") + c + "'");
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

Result<Item> read_ion_line(std::string_view line) {
  IonParser parser(line);
  EDDY_TRY(auto value, parser.next_top_level());
  if (!value) return validation_error("The line holds no Ion value");
  if (value->type != AttributeType::kM) return validation_error("The line's value is not an Ion struct");
  auto found = value->map.find("Item");
  if (found == value->map.end() || found->second.type != AttributeType::kM) {
    return validation_error("The line has no Item struct");
  }
  EDDY_TRY(auto more, parser.next_top_level());
  if (more) return validation_error("The line holds more than one Ion value");
  return std::move(found->second.map);
}

bool ion_line_is_empty(std::string_view line) {
  IonParser parser(line);
  auto value = parser.next_top_level();
  return value && !*value;
}

}  // namespace eddy::exports
