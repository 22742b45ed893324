// bind_statement (see binder.h): one function per statement kind.
#include "partiql/binder.h"

#include <algorithm>

#include "expr/document_path.h"
#include "model/result.h"
#include "partiql/document_path.h"
#include "partiql/errors.h"
#include "partiql/literal.h"
#include "partiql/translator.h"

namespace eddy::partiql {
namespace {

// Table and index names as DynamoDB allows them: 3 to 255 of a-z A-Z 0-9 _ - .
bool valid_name(const std::string& name) {
  if (name.size() < 3 || name.size() > 255) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  });
}

Result<void> check_names(const TableRef& table) {
  if (!valid_name(table.table) || (table.index && !valid_name(*table.index))) return fail(errors::invalid_table_name());
  return {};
}

Result<std::vector<expr::DocumentPath>> projection(const std::vector<Expr>& items) {
  std::vector<expr::DocumentPath> paths;
  for (const Expr& item : items) {
    EDDY_TRY(expr::DocumentPath path, document_path(item));
    for (const expr::DocumentPath& earlier : paths) {
      if (output_name(earlier) == output_name(path))
        return fail(errors::duplicate_select_identifier(output_name(path)));
    }
    paths.push_back(std::move(path));
  }
  // DynamoDB names the later of two overlapping paths first.
  std::vector<const expr::DocumentPath*> later_first;
  for (auto path = paths.rbegin(); path != paths.rend(); ++path) later_first.push_back(&*path);
  if (auto problem = expr::find_overlapping_paths(later_first)) return validation_error(*problem);
  return paths;
}

BoundOrderTerm order_term(const OrderTerm& term) {
  BoundOrderTerm out;
  out.descending = term.descending;
  if (term.key.is_identifier()) out.attribute = term.key.text;
  else if (term.key.kind == ExprKind::kPath) out.type = "PATH";
  else out.type = term.key.text.empty() ? operator_name(term.key) : term.key.text;
  return out;
}

Result<BoundSelect> bind_select(const SelectStatement& select, const std::vector<AttributeValue>& parameters) {
  BoundSelect out;
  out.from = select.from;
  out.all_attributes = select.star;
  if (!select.star) {
    EDDY_TRY(out.projection, projection(select.projection));
  }
  if (select.where) {
    EDDY_TRY(out.where, ExpressionTranslator(parameters).where(*select.where));
  }
  EDDY_TRY_VOID(check_names(select.from));
  for (const OrderTerm& term : select.order_by) out.order_by.push_back(order_term(term));
  return out;
}

// INSERT's VALUE is a struct whose members are the item's attributes; each attribute's value is a
// "root" of its own in DynamoDB's messages.
Result<BoundInsert> bind_insert(const InsertStatement& insert, const std::vector<AttributeValue>& parameters) {
  const Expr& value = insert.value;
  if (value.kind != ExprKind::kStruct) return fail(errors::insert_item_format(value.where));
  BoundInsert out;
  out.into = insert.into;
  out.returning = insert.returning;
  for (std::size_t i = 0; i + 1 < value.children.size(); i += 2) {
    const Expr& key = value.children[i];
    if (key.kind != ExprKind::kLiteral || key.literal != LiteralKind::kString) {
      return fail(errors::tuple_key_type(key_kind_name(key), "root", key.where));
    }
    if (key.text.empty()) return fail(errors::empty_path_component());
    if (out.item.count(key.text) > 0) return fail(errors::duplicate_tuple_key(key.text, "root", key.where));
    EDDY_TRY(AttributeValue attribute, literal_value(value.children[i + 1], parameters));
    out.item.emplace(key.text, std::move(attribute));
  }
  EDDY_TRY_VOID(check_names(insert.into));
  return out;
}

Result<expr::ConditionTree> bind_write_where(const std::optional<Expr>& where, ExpressionTranslator& translator) {
  // Without a WHERE clause no key is named; DynamoDB says so before it looks for the table.
  if (!where) return fail(errors::incomplete_key());
  return translator.where(*where);
}

Result<BoundUpdate> bind_update(const UpdateStatement& update, const std::vector<AttributeValue>& parameters) {
  ExpressionTranslator translator(parameters);
  BoundUpdate out;
  out.table = update.table;
  out.returning = update.returning;
  EDDY_TRY(out.update, translator.update(update.actions));
  EDDY_TRY(out.where, bind_write_where(update.where, translator));
  EDDY_TRY_VOID(check_names(update.table));
  return out;
}

Result<BoundDelete> bind_delete(const DeleteStatement& remove, const std::vector<AttributeValue>& parameters) {
  ExpressionTranslator translator(parameters);
  BoundDelete out;
  out.from = remove.from;
  out.returning = remove.returning;
  EDDY_TRY(out.where, bind_write_where(remove.where, translator));
  EDDY_TRY_VOID(check_names(remove.from));
  return out;
}

// How DynamoDB names an expression that is a whole statement ("Unsupported operation: Literal").
std::optional<std::string> statement_kind(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kLiteral: return "Literal";
    case ExprKind::kPath: return expr.is_identifier() ? "VariableReference" : "Path";
    case ExprKind::kList:
    case ExprKind::kBag: return "Seq";
    case ExprKind::kStruct: return "Struct";
    case ExprKind::kParameter: return "Parameter";
    case ExprKind::kMissing: return "LiteralMissing";
    default: return std::nullopt;
  }
}

// A statement that is an expression: only EXISTS(SELECT ...) in ExecuteTransaction is one DynamoDB runs.
Result<BoundStatement> bind_expression(const ExpressionStatement& statement,
                                       const std::vector<AttributeValue>& parameters, StatementContext context) {
  const Expr& expr = statement.expression;
  auto kind = statement.operation.empty() ? statement_kind(expr) : std::optional<std::string>(statement.operation);
  if (kind) {
    if (context == StatementContext::kBatch) return fail(errors::batch_invalid_operation());
    return fail(errors::unsupported_operation(*kind));
  }
  bool exists = expr.kind == ExprKind::kCall && function_name(expr) == "exists" && expr.children.size() == 1 &&
                expr.children[0].kind == ExprKind::kSubquery;
  if (context != StatementContext::kTransaction) return fail(errors::exists_outside_transaction());
  if (!exists) return fail(errors::transaction_unsupported());
  EDDY_TRY(BoundSelect select, bind_select(*expr.children[0].subquery, parameters));
  return BoundConditionCheck{std::move(select)};
}

}  // namespace

Result<BoundStatement> bind_statement(const Statement& statement, const std::vector<AttributeValue>& parameters,
                                      StatementContext context) {
  auto wrap = [](auto bound) -> Result<BoundStatement> {
    EDDY_TRY(auto value, std::move(bound));
    return BoundStatement(std::move(value));
  };
  if (const auto* select = std::get_if<SelectStatement>(&statement.body)) return wrap(bind_select(*select, parameters));
  if (const auto* insert = std::get_if<InsertStatement>(&statement.body)) return wrap(bind_insert(*insert, parameters));
  if (const auto* update = std::get_if<UpdateStatement>(&statement.body)) return wrap(bind_update(*update, parameters));
  if (const auto* remove = std::get_if<DeleteStatement>(&statement.body)) return wrap(bind_delete(*remove, parameters));
  return bind_expression(std::get<ExpressionStatement>(statement.body), parameters, context);
}

const TableRef& bound_table(const BoundStatement& statement) {
  if (const auto* select = std::get_if<BoundSelect>(&statement)) return select->from;
  if (const auto* insert = std::get_if<BoundInsert>(&statement)) return insert->into;
  if (const auto* update = std::get_if<BoundUpdate>(&statement)) return update->table;
  if (const auto* remove = std::get_if<BoundDelete>(&statement)) return remove->from;
  return std::get<BoundConditionCheck>(statement).select.from;
}

}  // namespace eddy::partiql
