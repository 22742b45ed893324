// The parser: the statement model it builds, and DynamoDB's words for what it refuses. Every expected
// message was recorded from DynamoDB Local (docs/partiql.md has the table).
#include "test_support.h"

namespace eddy::partiql::testing {
namespace {

constexpr const char* kMalformed = "Statement wasn't well formed, can't be processed: ";

std::string parse_error(const std::string& text) {
  auto statement = parse_statement(text);
  return statement ? "" : statement.error().message;
}

TEST(Parse, SelectModel) {
  auto statement = parse_statement("select a.b[2].\"c d\", x FROM \"Tab\".\"gsi\" WHERE gk = ? ORDER BY gs DESC;");
  ASSERT_TRUE(statement.has_value()) << statement.error().message;
  const auto& select = std::get<SelectStatement>(statement->body);
  EXPECT_FALSE(select.star);
  ASSERT_EQ(select.projection.size(), 2u);
  const Expr& path = select.projection[0];
  EXPECT_EQ(path.kind, ExprKind::kPath);
  EXPECT_EQ(path.text, "a");
  ASSERT_EQ(path.steps.size(), 3u);
  EXPECT_EQ(path.steps[0].text, "b");
  EXPECT_EQ(path.steps[1].kind, PathStep::Kind::kIndex);
  EXPECT_EQ(path.steps[1].text, "2");
  EXPECT_EQ(path.steps[2].text, "c d");
  EXPECT_EQ(select.from.table, "Tab");
  EXPECT_EQ(select.from.index, "gsi");
  ASSERT_TRUE(select.where.has_value());
  EXPECT_EQ(select.where->kind, ExprKind::kComparison);
  EXPECT_EQ(select.where->children[1].kind, ExprKind::kParameter);
  ASSERT_EQ(select.order_by.size(), 1u);
  EXPECT_TRUE(select.order_by[0].descending);
  EXPECT_EQ(statement->parameter_count, 1u);
}

TEST(Parse, KeywordsHaveNoCaseAndQuotedNamesAreNeverKeywords) {
  EXPECT_EQ(parse_error("sElEcT * FrOm \"Tab\" wHeRe pk = 'a'"), "");
  EXPECT_EQ(parse_error("SELECT \"select\", \"key\" FROM Tab WHERE \"value\" = 1"), "");
  // PartiQL's reserved words cannot name attributes unquoted.
  for (const char* word : {"key", "value", "count", "size", "date", "user", "order", "set", "all", "level"}) {
    std::string text = std::string("SELECT * FROM Tab WHERE pk = 'a' AND ") + word + " = 1";
    EXPECT_EQ(parse_error(text), kMalformed + text) << word;
  }
  for (const char* word : {"name", "status", "type", "data", "year", "path", "state", "source", "comment", "$a"}) {
    EXPECT_EQ(parse_error(std::string("SELECT ") + word + " FROM Tab"), "") << word;
  }
}

TEST(Parse, CommentsWhitespaceAndSemicolon) {
  EXPECT_EQ(parse_error("SELECT * FROM Tab WHERE pk = 'a' -- comment"), "");
  EXPECT_EQ(parse_error("SELECT * FROM Tab /* c */ WHERE pk = 'a'"), "");
  EXPECT_EQ(parse_error("\tSELECT * FROM Tab WHERE pk='a'\n;"), "");
  EXPECT_EQ(parse_error("SELECT * FROM Tab;;"), std::string(kMalformed) + "SELECT * FROM Tab;;");
  EXPECT_EQ(parse_error("SELECT * FROM Tab; SELECT * FROM Hash"),
            std::string(kMalformed) + "SELECT * FROM Tab; SELECT * FROM Hash");
  EXPECT_EQ(parse_error(" "), std::string(kMalformed) + " ");
  EXPECT_EQ(parse_error("SELECT * FROM Tab /* open"), std::string(kMalformed) + "SELECT * FROM Tab /* open");
}

TEST(Parse, NotWellFormedQuotesTheStatement) {
  for (const char* text : {"SELECT",
                           "SELECT * FROM",
                           "SELECT * FROM Tab WHERE",
                           "SELECT * FROM Tab WHERE pk = 'a' extra",
                           "SELECT * FROM Tab WHERE pk = 'a",
                           "SELECT * FROM \"Tab WHERE pk = 'a'",
                           "SELECT * FROM Tab WHERE pk @ 'a'",
                           "SELECT * FROM Tab WHERE pk = 'a' #",
                           "SELECT *, pk FROM Tab",
                           "SELECT pk, * FROM Tab",
                           "SELECT * FROM Tab WHERE pk = 'a' ORDER BY sk NULLS FIRST",
                           "SELECT * FROM Tab WHERE pk = 'a' OFFSET 1",
                           "SELECT * FROM Tab WHERE pk = 'a' AND x IS TRUE",
                           "SELECT * FROM Tab WHERE pk = 'a' AND x IS 1",
                           "SELECT * FROM Tab WHERE pk = 'a' AND x IS ?",
                           "SELECT * FROM Tab WHERE x BETWEEN 1 AND 2 AND y BETWEEN 1",
                           "INSERT INTO Tab VALUES {'pk':'n','sk':2}",
                           "INSERT INTO Tab VALUE {'pk':'n','sk':3}, {'pk':'n','sk':4}",
                           "INSERT INTO Tab (pk, sk) VALUES ('n', 10)",
                           "INSERT INTO Tab VALUE {'pk':'a','sk':98} ON CONFLICT DO NOTHING",
                           "INSERT INTO Tab VALUE {'v': 0x10}",
                           "INSERT INTO Tab VALUE {'v': 1_000}",
                           "INSERT INTO Tab VALUE {'v': 1e}",
                           "INSERT INTO Tab VALUE {'v': --1}",
                           "INSERT INTO Tab VALUE {'v': .e1}",
                           "UPDATE Tab SET x = 5 WHERE pk = 'a' AND sk = 0 RETURNING ALL OLD",
                           "UPDATE Tab SET x = 5 WHERE pk = 'a' AND sk = 0 RETURNING NONE",
                           "UPDATE Tab SET x = 5 WHERE pk = 'a' AND sk = 0 RETURNING UPDATED NEW *",
                           "UPDATE Tab REMOVE y, z WHERE pk = 'a' AND sk = 0",
                           "UPDATE Tab SET x = 1, REMOVE y WHERE pk = 'a'",
                           "UPDATE Tab SET 'x' = 1 WHERE pk = 'a' AND sk = 0",
                           "UPDATE Tab SET [0] = 1 WHERE pk = 'a' AND sk = 0",
                           "UPDATE Tab WHERE pk = 'a' AND sk = 0",
                           "DELETE Tab WHERE pk = 'n' AND sk = 27",
                           "DELETE * FROM Tab WHERE pk = 'n' AND sk = 27",
                           "SELEC * FROM Tab"}) {
    EXPECT_EQ(parse_error(text), kMalformed + std::string(text)) << text;
  }
}

TEST(Parse, UnsupportedClausesCiteTheirPlace) {
  EXPECT_EQ(parse_error("SELECT * FROM Tab LIMIT 1"), "Unsupported clause: LIMIT at 1:25:1");
  EXPECT_EQ(parse_error("SELECT *\n  FROM Tab WHERE\n pk = 'a' LIMIT 5"), "Unsupported clause: LIMIT at 3:17:1");
  EXPECT_EQ(parse_error("SELECT * FROM Tab WHERE pk = 'a' ORDER BY sk DESC LIMIT 1"),
            "Unsupported clause: LIMIT at 1:57:1");
  EXPECT_EQ(parse_error("SELECT * FROM Tab WHERE pk = 'a' HAVING x = 1"), "Unsupported clause: HAVING at 1:43:1");
  EXPECT_EQ(parse_error("SELECT * FROM Tab GROUP BY pk"), "Unsupported clause: GROUP BY");
  EXPECT_EQ(parse_error("SELECT DISTINCT pk FROM Tab"), "Unsupported token in expression: DISTINCT");
  EXPECT_EQ(parse_error("SELECT VALUE pk FROM Tab"), "Select projection doesn't support value or pivot keywords");
}

TEST(Parse, SourcesAndAliases) {
  EXPECT_EQ(parse_error("SELECT pk FROM Tab t"), "Aliasing is not supported");
  EXPECT_EQ(parse_error("SELECT pk AS p FROM Tab"), "Aliasing is not supported");
  EXPECT_EQ(parse_error("SELECT * FROM Tab AT i"), "Aliasing is not supported");
  EXPECT_EQ(parse_error("SELECT * FROM Tab t WHERE t.pk = 'a'"), "Aliasing is not supported");
  EXPECT_EQ(parse_error("SELECT * FROM Tab, Hash"), "Only select from a single table or index is supported.");
  EXPECT_EQ(parse_error("SELECT * FROM Tab JOIN Hash ON Tab.pk = Hash.pk"),
            "Only select from a single table or index is supported.");
  EXPECT_EQ(parse_error("SELECT * FROM (SELECT * FROM Tab)"), "Unexpected from source");
  EXPECT_EQ(parse_error("SELECT * FROM [1,2]"), "Unexpected from source");
  EXPECT_EQ(parse_error("SELECT * FROM 'Tab'"), "Unexpected from source");
  EXPECT_EQ(parse_error("SELECT * FROM ?"), "Unexpected from source");
  EXPECT_EQ(parse_error("SELECT * FROM \"Tab\".\"gsi\".\"x\""),
            "A path may contain at most 2 components in the FROM clause");
  EXPECT_EQ(parse_error("SELECT * FROM \"Tab\"[0]"), "Invalid list expression in source.");
  EXPECT_EQ(parse_error("SELECT * FROM \"Tab\".*"), "Unpivot path component like a.*.b are not supported at 1:21:1");
  EXPECT_EQ(parse_error("SELECT * FROM \"\""), "Path component cannot be an empty string");
  auto unquoted = parse_statement("SELECT * FROM Tab.gsi WHERE gk = 'g'");
  ASSERT_TRUE(unquoted.has_value());
  EXPECT_EQ(std::get<SelectStatement>(unquoted->body).from.index, "gsi");
}

TEST(Parse, IonLiteralsAreLocatedInLinesAndColumns) {
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = `a`"),
            "Ion Literals are not supported: SYMBOL under key root at 1:30:3");
  EXPECT_EQ(error_of("SELECT *\nFROM Tab\nWHERE pk = `x`"),
            "Ion Literals are not supported: SYMBOL under key root at 3:12:3");
  // "é" is one column.
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = '\xc3\xa9' AND x = `y`"),
            "Ion Literals are not supported: SYMBOL under key root at 1:42:3");
  // So is an emoji.
  EXPECT_EQ(error_of("SELECT * FROM Tab WHERE pk = '\xf0\x9f\x98\x80' AND x = `y`"),
            "Ion Literals are not supported: SYMBOL under key root at 1:42:3");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'n','sk':31, 'e': `{a: 1}`}"),
            "Ion Literals are not supported: STRUCT under key root at 1:47:8");
  EXPECT_EQ(error_of("INSERT INTO Tab VALUE {'pk':'lit','sk':152, 'v': `1`}"),
            "Ion Literals are not supported: INT under key root at 1:50:3");
}

TEST(Parse, InsertUpdateDeleteModels) {
  auto insert = parse_statement("INSERT INTO \"Tab\" VALUE {'pk': ?, 'sk': 1}");
  ASSERT_TRUE(insert.has_value());
  EXPECT_EQ(std::get<InsertStatement>(insert->body).value.kind, ExprKind::kStruct);
  auto update = parse_statement(
      "UPDATE Tab SET a = 1, b = b + 1 SET c = 'x' REMOVE d REMOVE e.f[0] WHERE pk = 'a' "
      "RETURNING MODIFIED NEW *");
  ASSERT_TRUE(update.has_value());
  const auto& actions = std::get<UpdateStatement>(update->body).actions;
  ASSERT_EQ(actions.size(), 5u);
  EXPECT_FALSE(actions[2].remove);
  EXPECT_TRUE(actions[3].remove);
  EXPECT_EQ(std::get<UpdateStatement>(update->body).returning, Returning::kModifiedNew);
  auto remove = parse_statement("delete from Tab where pk = 'a' and sk = 1 returning all old *");
  ASSERT_TRUE(remove.has_value());
  EXPECT_EQ(std::get<DeleteStatement>(remove->body).returning, Returning::kAllOld);
}

TEST(Parse, DmlShapesDynamoDbRefuses) {
  EXPECT_EQ(parse_error("INSERT INTO \"Tab\".\"gsi\" VALUE {'pk':'n','sk':9}"),
            "FROM clause may only contain a single table name in data manipulation statements");
  EXPECT_EQ(parse_error("INSERT INTO Tab << {'pk':'a','sk':99} >>"), "Unsupported operation: InsertOp");
  EXPECT_EQ(parse_error("INSERT INTO Tab SELECT * FROM Hash"), "Unsupported operation: InsertOp");
  EXPECT_EQ(parse_error("INSERT INTO Tab VALUE {'pk':'a','sk':97} AT x"),
            "AT is not supported in insert statements. at 1:1:6");
  EXPECT_EQ(parse_error("UPDATE Tab SET x = 5 WHERE pk = 'a' AND sk = 0 RETURNING ALL OLD x"),
            "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
  EXPECT_EQ(parse_error("UPDATE Tab SET x = 1 WHERE pk = 'a' AND sk = 0 RETURNING ALL OLD *, ALL NEW *"),
            "Invalid syntax with multiple returning elements in RETURNING clause");
  EXPECT_EQ(error_of("CREATE TABLE foo"), "Unsupported operation: CreateTable");
  EXPECT_EQ(error_of("DROP TABLE Tab"), "Unsupported operation: DropTable");
}

TEST(Parse, NestingIsBounded) {
  std::string deep = "SELECT * FROM Tab WHERE " + std::string(200, '(') + "pk = 'a'" + std::string(200, ')');
  EXPECT_EQ(parse_error(deep), "");  // DynamoDB takes 200 parentheses
  std::string deeper = "SELECT * FROM Tab WHERE x = " + std::string(5000, '[') + "1" + std::string(5000, ']');
  EXPECT_EQ(parse_error(deeper), "Nesting Levels have exceeded supported limits");
  std::string nots = "SELECT * FROM Tab WHERE ";
  for (int i = 0; i < 300; ++i) nots += "NOT ";
  EXPECT_EQ(error_of(nots + "pk = 'a'"), "The expression contains too many operators; operator count: 301");
}

TEST(Parse, AnyBytesGetAnAnswer) {
  // A fuzzer's view: nothing crashes, everything is a statement or an error.
  const std::string pieces[] = {"SELECT", "*",    "FROM",   "\"T\"", "WHERE",     "(",       ")", "[",  "]",
                                "<<",     ">>",   "{",      "}",     "'s'",       "1.5e3",   "?", ",",  ".",
                                "=",      "AND",  "NOT",    "IN",    "IS",        "MISSING", "`", "--", "/*",
                                "\xff",   "\xc3", "UPDATE", "SET",   "RETURNING", "EXISTS"};
  unsigned seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 0; i < 12; ++i) {
      seed = seed * 1103515245 + 12345;
      text += pieces[(seed >> 16) % std::size(pieces)];
      text += ' ';
    }
    auto statement = parse_statement(text);
    if (!statement) {
      EXPECT_FALSE(statement.error().message.empty());
      continue;
    }
    auto bound = bind_statement(*statement, {}, StatementContext::kExecuteStatement);
    if (!bound) {
      EXPECT_FALSE(bound.error().message.empty());
      continue;
    }
    auto planned = plan_statement(*bound, tab_table(), StatementContext::kExecuteStatement);
    EXPECT_TRUE(planned.has_value() || !planned.error().message.empty()) << text;
  }
  // And raw bytes, NUL and invalid UTF-8 included.
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 0; i < 40; ++i) {
      seed = seed * 1103515245 + 12345;
      text += static_cast<char>((seed >> 16) & 0xFF);
    }
    auto statement = parse_statement(text);
    EXPECT_TRUE(statement.has_value() || !statement.error().message.empty());
  }
}

}  // namespace
}  // namespace eddy::partiql::testing
