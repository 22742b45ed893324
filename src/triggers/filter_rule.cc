// The rules of a filter pattern's leaves; see filter_rule.h and filter_pattern.h.
#include "triggers/filter_rule.h"

#include <algorithm>
#include <cctype>

namespace eddy::triggers {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix, bool ignore_case) {
  if (text.size() < prefix.size()) return false;
  return ignore_case ? lower(text.substr(0, prefix.size())) == lower(prefix) : text.starts_with(prefix);
}

bool ends_with(std::string_view text, std::string_view suffix, bool ignore_case) {
  if (text.size() < suffix.size()) return false;
  std::string_view tail = text.substr(text.size() - suffix.size());
  return ignore_case ? lower(tail) == lower(suffix) : tail == suffix;
}

// '*' matches any run of characters (also none); everything else matches itself.
bool wildcard_match(std::string_view text, std::string_view pattern) {
  std::size_t t = 0, p = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool compare(double value, std::string_view op, double bound) {
  if (op == "=") return value == bound;
  if (op == "<") return value < bound;
  if (op == "<=") return value <= bound;
  if (op == ">") return value > bound;
  return value >= bound;  // ">="
}

}  // namespace

ApiError invalid_filter_pattern() {
  return ApiError{ErrorCode::kInvalidParameterValue, "Invalid filter pattern definition.", {}};
}

bool FilterRule::Literal::equals(const JsonValue& value) const {
  switch (type) {
    case Type::kString: return value.IsString() && std::string_view(value.GetString(), value.GetStringLength()) == text;
    case Type::kNumber: return value.IsNumber() && value.GetDouble() == number;
    case Type::kBool: return value.IsBool() && value.GetBool() == boolean;
    case Type::kNull: return value.IsNull();
  }
  return false;
}

Result<FilterRule::Literal> FilterRule::literal(const JsonValue& value) {
  Literal out;
  if (value.IsString()) {
    out.type = Literal::Type::kString;
    out.text.assign(value.GetString(), value.GetStringLength());
  } else if (value.IsNumber()) {
    out.type = Literal::Type::kNumber;
    out.number = value.GetDouble();
  } else if (value.IsBool()) {
    out.type = Literal::Type::kBool;
    out.boolean = value.GetBool();
  } else if (!value.IsNull()) {
    return fail(invalid_filter_pattern());
  }
  return out;
}

Result<FilterRule> FilterRule::parse(const JsonValue& rule) {
  if (!rule.IsObject()) {
    auto value = literal(rule);
    if (!value) return fail(value.error());
    FilterRule exact;
    exact.literal_ = std::move(*value);
    return exact;
  }
  if (rule.MemberCount() != 1) return fail(invalid_filter_pattern());
  const auto& member = *rule.MemberBegin();
  return parse_operator(std::string_view(member.name.GetString(), member.name.GetStringLength()), member.value);
}

Result<FilterRule> FilterRule::parse_operator(std::string_view name, const JsonValue& operand) {
  if (name == "prefix") return parse_text_match(Kind::kPrefix, operand);
  if (name == "suffix") return parse_text_match(Kind::kSuffix, operand);
  if (name == "equals-ignore-case") return parse_text_match(Kind::kEqualsIgnoreCase, operand);
  if (name == "wildcard") return parse_text_match(Kind::kWildcard, operand);
  if (name == "anything-but") return parse_anything_but(operand);
  if (name == "numeric") return parse_numeric(operand);
  if (name == "exists") {
    if (!operand.IsBool()) return fail(invalid_filter_pattern());
    FilterRule rule;
    rule.kind_ = Kind::kExists;
    rule.exists_ = operand.GetBool();
    return rule;
  }
  return fail(invalid_filter_pattern());
}

// {"prefix": "x"}, {"prefix": {"equals-ignore-case": "x"}} (and the same for suffix),
// {"equals-ignore-case": "x"}, {"wildcard": "a*b"}.
Result<FilterRule> FilterRule::parse_text_match(Kind kind, const JsonValue& operand) {
  FilterRule rule;
  rule.kind_ = kind;
  const JsonValue* text = &operand;
  bool may_wrap = kind == Kind::kPrefix || kind == Kind::kSuffix;
  if (may_wrap && operand.IsObject() && operand.MemberCount() == 1 && operand.HasMember("equals-ignore-case")) {
    rule.ignore_case_ = true;
    text = &operand["equals-ignore-case"];
  }
  if (!text->IsString()) return fail(invalid_filter_pattern());
  rule.texts_.emplace_back(text->GetString(), text->GetStringLength());
  return rule;
}

// {"anything-but": v}, {"anything-but": [v, ...]}, or anything-but of a prefix, a suffix or
// equals-ignore-case (one string or a list of them).
Result<FilterRule> FilterRule::parse_anything_but(const JsonValue& operand) {
  FilterRule rule;
  rule.kind_ = Kind::kAnythingBut;
  if (operand.IsObject()) {
    if (operand.MemberCount() != 1) return fail(invalid_filter_pattern());
    std::string_view name(operand.MemberBegin()->name.GetString());
    const JsonValue& inner = operand.MemberBegin()->value;
    if (name == "prefix") rule.excluded_match_ = Kind::kPrefix;
    else if (name == "suffix") rule.excluded_match_ = Kind::kSuffix;
    else if (name == "equals-ignore-case") rule.excluded_match_ = Kind::kEqualsIgnoreCase;
    else return fail(invalid_filter_pattern());
    if (inner.IsString()) {
      rule.texts_.emplace_back(inner.GetString(), inner.GetStringLength());
    } else if (inner.IsArray() && *rule.excluded_match_ == Kind::kEqualsIgnoreCase && !inner.Empty()) {
      for (const auto& text : inner.GetArray()) {
        if (!text.IsString()) return fail(invalid_filter_pattern());
        rule.texts_.emplace_back(text.GetString(), text.GetStringLength());
      }
    } else {
      return fail(invalid_filter_pattern());
    }
    return rule;
  }
  if (operand.IsArray()) {
    if (operand.Empty()) return fail(invalid_filter_pattern());
    for (const auto& value : operand.GetArray()) {
      if (!value.IsString() && !value.IsNumber()) return fail(invalid_filter_pattern());
      rule.excluded_.push_back(*literal(value));
    }
    return rule;
  }
  if (!operand.IsString() && !operand.IsNumber()) return fail(invalid_filter_pattern());
  rule.excluded_.push_back(*literal(operand));
  return rule;
}

// ["=", 5] or one or two of [">"|">=", a] and ["<"|"<=", b], in either order: [">", 0, "<=", 5].
Result<FilterRule> FilterRule::parse_numeric(const JsonValue& operand) {
  if (!operand.IsArray() || operand.Empty() || operand.Size() % 2 != 0 || operand.Size() > 4) {
    return fail(invalid_filter_pattern());
  }
  FilterRule rule;
  rule.kind_ = Kind::kNumeric;
  bool lower_bound = false, upper_bound = false;
  for (rapidjson::SizeType i = 0; i < operand.Size(); i += 2) {
    if (!operand[i].IsString() || !operand[i + 1].IsNumber()) return fail(invalid_filter_pattern());
    std::string op = operand[i].GetString();
    bool is_lower = op == ">" || op == ">=";
    bool is_upper = op == "<" || op == "<=";
    if (op == "=" ? operand.Size() != 2
                  : (!is_lower && !is_upper) || (is_lower && lower_bound) || (is_upper && upper_bound)) {
      return fail(invalid_filter_pattern());
    }
    lower_bound = lower_bound || is_lower;
    upper_bound = upper_bound || is_upper;
    rule.comparisons_.push_back({op, operand[i + 1].GetDouble()});
  }
  return rule;
}

bool FilterRule::matches_text(std::string_view text) const {
  Kind kind = kind_ == Kind::kAnythingBut ? *excluded_match_ : kind_;
  bool ignore_case = ignore_case_ || kind == Kind::kEqualsIgnoreCase;
  return std::any_of(texts_.begin(), texts_.end(), [&](const std::string& want) {
    switch (kind) {
      case Kind::kPrefix: return starts_with(text, want, ignore_case);
      case Kind::kSuffix: return ends_with(text, want, ignore_case);
      case Kind::kEqualsIgnoreCase: return lower(text) == lower(want);
      case Kind::kWildcard: return wildcard_match(text, want);
      default: return false;
    }
  });
}

bool FilterRule::matches(const JsonValue& value) const {
  switch (kind_) {
    case Kind::kExact: return literal_.equals(value);
    case Kind::kPrefix:
    case Kind::kSuffix:
    case Kind::kEqualsIgnoreCase:
    case Kind::kWildcard:
      return value.IsString() && matches_text(std::string_view(value.GetString(), value.GetStringLength()));
    case Kind::kAnythingBut:
      if (excluded_match_)
        return value.IsString() && !matches_text(std::string_view(value.GetString(), value.GetStringLength()));
      return std::none_of(excluded_.begin(), excluded_.end(), [&](const Literal& no) { return no.equals(value); });
    case Kind::kNumeric:
      return value.IsNumber() && std::all_of(comparisons_.begin(), comparisons_.end(), [&](const Comparison& c) {
               return compare(value.GetDouble(), c.op, c.bound);
             });
    case Kind::kExists: return exists_;
  }
  return false;
}

}  // namespace eddy::triggers
