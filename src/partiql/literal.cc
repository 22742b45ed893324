// Literal values to AttributeValues (see literal.h).
#include "partiql/literal.h"

#include <cctype>
#include <set>

#include "model/number.h"
#include "model/result.h"
#include "partiql/errors.h"
#include "partiql/number_literal.h"

namespace eddy::partiql {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// What DynamoDB calls an expression that stands where a value must: the operator or function name,
// or the attribute name.
ApiError not_a_value(const Expr& expr, const std::string& under) {
  switch (expr.kind) {
    case ExprKind::kPath:
      if (!expr.is_identifier()) return errors::unsupported_data_type("PATH", under);
      return errors::unsupported_data_type(expr.text, under, expr.where);
    case ExprKind::kTyped: return errors::unsupported_data_type("UNKNOWN", under, expr.where);
    case ExprKind::kSubquery: return errors::unsupported_data_type("select", under, expr.where);
    case ExprKind::kStar: return errors::unsupported_data_type("*", under, expr.where);
    case ExprKind::kAnd: return errors::unsupported_data_type("and", under, expr.where);
    case ExprKind::kOr: return errors::unsupported_data_type("or", under, expr.where);
    case ExprKind::kNot: return errors::unsupported_data_type("not", under, expr.where);
    case ExprKind::kIn: return errors::unsupported_data_type("in", under, expr.where);
    case ExprKind::kBetween: return errors::unsupported_data_type("between", under, expr.where);
    case ExprKind::kLike: return errors::unsupported_data_type("like", under, expr.where);
    case ExprKind::kIs: return errors::unsupported_data_type("is", under, expr.where);
    default: return errors::unsupported_data_type(lower(expr.text), under, expr.where);
  }
}

class Converter {
 public:
  explicit Converter(const std::vector<AttributeValue>& parameters) : parameters_(parameters) {}

  Result<AttributeValue> value(const Expr& expr, const std::string& under, int depth) {
    if (depth > kMaxLiteralDepth) return fail(errors::nesting_too_deep());
    switch (expr.kind) {
      case ExprKind::kLiteral: return scalar(expr, under);
      case ExprKind::kParameter:
        if (depth > 0) return fail(errors::unsupported_data_type("Parameter", under, expr.where));
        if (static_cast<std::size_t>(expr.parameter) >= parameters_.size()) return fail(errors::parameter_count());
        return parameters_[expr.parameter];
      case ExprKind::kMissing:
        return fail(errors::unsupported_data_type(depth == 0 ? "MISSING" : "LiteralMissing", under, expr.where));
      case ExprKind::kIonLiteral: return fail(errors::ion_literal(expr.text, under, expr.where));
      case ExprKind::kList: return list(expr, under, depth);
      case ExprKind::kStruct: return map(expr, under, depth);
      case ExprKind::kBag: return bag(expr, under);
      default: return fail(not_a_value(expr, under));
    }
  }

 private:
  Result<AttributeValue> scalar(const Expr& expr, const std::string& under) {
    switch (expr.literal) {
      case LiteralKind::kString: return AttributeValue::string(expr.text);
      case LiteralKind::kBoolean: return AttributeValue::boolean_value(expr.text == "true");
      case LiteralKind::kNull: return AttributeValue::null();
      case LiteralKind::kNumber: break;
    }
    EDDY_TRY(std::string number, number_literal(expr.text, expr.decimal, under, expr.where));
    return AttributeValue::number(std::move(number));
  }

  Result<AttributeValue> list(const Expr& expr, const std::string& under, int depth) {
    AttributeValue out;
    out.type = AttributeType::kL;
    for (std::size_t i = 0; i < expr.children.size(); ++i) {
      auto item = value(expr.children[i], under + "." + std::to_string(i), depth + 1);
      if (!item) return item;
      out.list.push_back(std::move(*item));
    }
    return out;
  }

  Result<AttributeValue> map(const Expr& expr, const std::string& under, int depth) {
    AttributeValue out;
    out.type = AttributeType::kM;
    for (std::size_t i = 0; i + 1 < expr.children.size(); i += 2) {
      const Expr& key = expr.children[i];
      if (key.kind != ExprKind::kLiteral || key.literal != LiteralKind::kString) {
        return fail(errors::tuple_key_type(key_kind_name(key), under, key.where));
      }
      if (key.text.empty()) return fail(errors::empty_path_component());
      if (out.map.count(key.text) > 0) return fail(errors::duplicate_tuple_key(key.text, under, expr.where));
      auto member = value(expr.children[i + 1], under + "." + key.text, depth + 1);
      if (!member) return member;
      out.map.emplace(key.text, std::move(*member));
    }
    return out;
  }

  // A bag is a set: all strings (SS) or all numbers (NS), as its first member decides, no duplicates.
  Result<AttributeValue> bag(const Expr& expr, const std::string& under) {
    if (expr.children.empty()) return fail(errors::empty_bag(expr.where));
    auto kind_of = [](const Expr& member) -> std::optional<LiteralKind> {
      if (member.kind != ExprKind::kLiteral) return std::nullopt;
      if (member.literal != LiteralKind::kString && member.literal != LiteralKind::kNumber) return std::nullopt;
      return member.literal;
    };
    auto first = kind_of(expr.children.front());
    if (!first) return fail(errors::bag_member_type(expr.children.front().where));
    AttributeValue out;
    out.type = *first == LiteralKind::kString ? AttributeType::kSS : AttributeType::kNS;
    for (const Expr& member : expr.children) {
      if (kind_of(member) != first) {
        // DynamoDB places the misfit of a string set, not of a number set.
        return fail(*first == LiteralKind::kString ? errors::bag_member_type(member.where) : errors::bag_member_type());
      }
      auto converted = scalar(member, under);
      if (!converted) return converted;
      out.set.push_back(std::move(converted->scalar));
    }
    if (has_duplicates(out)) return fail(errors::bag_duplicates());
    return out;
  }

  // Numbers are canonical text, so equal numbers have equal text.
  static bool has_duplicates(const AttributeValue& set) {
    return std::set<std::string>(set.set.begin(), set.set.end()).size() != set.set.size();
  }

  const std::vector<AttributeValue>& parameters_;
};

}  // namespace

bool is_value_expression(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kList:
    case ExprKind::kBag:
    case ExprKind::kStruct:
    case ExprKind::kMissing:
    case ExprKind::kIonLiteral:
    case ExprKind::kTyped: return true;
    default: return false;
  }
}

std::string key_kind_name(const Expr& key) {
  switch (key.kind) {
    case ExprKind::kLiteral:
      switch (key.literal) {
        case LiteralKind::kNumber: return key.decimal ? "DECIMAL" : "INT";
        case LiteralKind::kBoolean: return "BOOL";
        case LiteralKind::kNull: return "NULL";
        case LiteralKind::kString: return "STRING";
      }
      break;
    case ExprKind::kPath: return key.is_identifier() ? "VariableReference" : "Path";
    case ExprKind::kList:
    case ExprKind::kBag: return "Seq";
    case ExprKind::kStruct: return "Struct";
    case ExprKind::kMissing: return "LiteralMissing";
    case ExprKind::kParameter: return "Parameter";
    case ExprKind::kCall: return "CallAgg";
    default: break;
  }
  return "NAry";
}

Result<AttributeValue> literal_value(const Expr& expr, const std::vector<AttributeValue>& parameters) {
  return literal_value_under(expr, parameters, "root");
}

Result<AttributeValue> literal_value_under(const Expr& expr, const std::vector<AttributeValue>& parameters,
                                           const std::string& under) {
  return Converter(parameters).value(expr, under, 0);
}

}  // namespace eddy::partiql
