// PartiQL's reserved words: unquoted, they are keywords and never name an attribute or a table
// ("SELECT key FROM T" is not well formed; write "key"). The list is the one DynamoDB applies, found
// by sending each candidate word (SQL-92's reserved words, DynamoDB's and PartiQL's keywords) to
// DynamoDB Local as an attribute name; TRUE, FALSE, NULL and MISSING are literals and not listed.
#include "partiql/keywords.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace eddy::partiql {
namespace {

// Sorted, upper case: looked up by binary search.
constexpr std::array<std::string_view, 232> kReservedWords = {
    "ABSOLUTE", "ACTION", "ADD", "ALL", "ALLOCATE", "ALTER", "AND", "ANY", "ARE", "AS", "ASC", "ASSERTION",
    "AT", "AUTHORIZATION", "AVG", "BAG", "BEGIN", "BETWEEN", "BIT", "BIT_LENGTH", "BLOB", "BOOL", "BOOLEAN",
    "BY", "CASCADE", "CASCADED", "CASE", "CAST", "CATALOG", "CHAR", "CHARACTER", "CHARACTER_LENGTH",
    "CHAR_LENGTH", "CHECK", "CLOB", "CLOSE", "COALESCE", "COLLATE", "COLLATION", "COLUMN", "COMMIT",
    "CONFLICT", "CONNECT", "CONNECTION", "CONSTRAINT", "CONSTRAINTS", "CONTINUE", "CONVERT", "CORRESPONDING",
    "COUNT", "CREATE", "CROSS", "CURRENT", "CURSOR", "DATE", "DATE_ADD", "DATE_DIFF", "DEALLOCATE", "DEC",
    "DECIMAL", "DECLARE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DESCRIBE", "DESCRIPTOR",
    "DIAGNOSTICS", "DISCONNECT", "DISTINCT", "DO", "DOMAIN", "DOUBLE", "DROP", "ELSE", "END", "ESCAPE",
    "EXCEPT", "EXCEPTION", "EXEC", "EXECUTE", "EXISTS", "EXTERNAL", "EXTRACT", "FETCH", "FIRST", "FLOAT",
    "FOR", "FOREIGN", "FOUND", "FROM", "FULL", "GET", "GLOBAL", "GO", "GOTO", "GRANT", "GROUP", "HAVING",
    "IDENTITY", "IMMEDIATE", "IN", "INDEX", "INDICATOR", "INITIALLY", "INNER", "INPUT", "INSENSITIVE",
    "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "ISOLATION", "JOIN", "KEY", "LANGUAGE",
    "LAST", "LEFT", "LET", "LEVEL", "LIKE", "LIMIT", "LIST", "LOCAL", "LOWER", "MATCH", "MAX", "MIN",
    "MODIFIED", "MODULE", "NAMES", "NATIONAL", "NATURAL", "NCHAR", "NEW", "NEXT", "NO", "NOT", "NOTHING",
    "NULLIF", "NUMERIC", "OCTET_LENGTH", "OF", "OLD", "ON", "ONLY", "OPEN", "OPTION", "OR", "ORDER", "OUTER",
    "OUTPUT", "OVERLAPS", "PAD", "PARTIAL", "PIVOT", "POSITION", "PRECISION", "PREPARE", "PRESERVE",
    "PRIMARY", "PRIOR", "PRIVILEGES", "PROCEDURE", "PUBLIC", "READ", "REAL", "REFERENCES", "RELATIVE",
    "REMOVE", "RESTRICT", "RETURNING", "REVOKE", "RIGHT", "ROLLBACK", "ROWS", "SCHEMA", "SCROLL", "SECTION",
    "SELECT", "SESSION", "SET", "SEXP", "SIZE", "SMALLINT", "SOME", "SPACE", "SQL", "SQLCODE", "SQLERROR",
    "SQLSTATE", "STRING", "STRUCT", "SUBSTRING", "SUM", "SYMBOL", "TABLE", "TEMPORARY", "THEN", "TIME",
    "TIMESTAMP", "TO", "TRANSACTION", "TRANSLATE", "TRANSLATION", "TRIM", "TUPLE", "UNION", "UNIQUE",
    "UNKNOWN", "UNPIVOT", "UPDATE", "UPPER", "USAGE", "USER", "USING", "VALUE", "VALUES", "VARCHAR",
    "VARYING", "VIEW", "WHEN", "WHENEVER", "WHERE", "WITH", "WORK", "WRITE", "ZONE",
};

// Reserved words that may still name a function: size(x) is DynamoDB's own; the others are
// PartiQL's and reach DynamoDB's "Unrecognized function" or "Unexpected path component".
constexpr std::string_view kFunctionWords[] = {
    "AVG", "BIT_LENGTH", "CAST", "CHARACTER_LENGTH", "CHAR_LENGTH", "COALESCE", "COUNT", "DATE_ADD", "DATE_DIFF",
    "EXISTS", "EXTRACT", "LOWER", "MAX", "MIN", "NULLIF", "OCTET_LENGTH", "SIZE", "SUBSTRING", "SUM", "TRIM",
    "UPPER",
};

std::string upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool is_reserved_word(std::string_view word) {
  return std::binary_search(kReservedWords.begin(), kReservedWords.end(), upper(word));
}

bool is_function_word(std::string_view word) {
  std::string key = upper(word);
  return std::find(std::begin(kFunctionWords), std::end(kFunctionWords), key) != std::end(kFunctionWords);
}

}  // namespace eddy::partiql
