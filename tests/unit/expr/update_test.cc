// UpdateExpression: every clause, list shifting, sets, upserts and DynamoDB's error texts.
#include "test_support.h"

namespace eddy::expr::testing {
namespace {

constexpr const char* kItem = R"({"a":{"M":{"b":{"L":[{"S":"x"},{"S":"y"},{"S":"z"}]}}},"n":{"N":"5"},"s":{"S":"q"},
  "ss":{"SS":["a","b"]},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]}})";

TEST(Update, SetValuesPathsAndArithmetic) {
  EXPECT_EQ(updated("SET x = :v", "{}", R"({":v":{"S":"new"}})"), R"({"x":{"S":"new"}})");
  EXPECT_EQ(updated("SET n = n + :v", R"({"n":{"N":"5"}})", R"({":v":{"N":"1"}})"), R"({"n":{"N":"6"}})");
  EXPECT_EQ(updated("SET n = n - :v", R"({"n":{"N":"5"}})", R"({":v":{"N":"1.5"}})"), R"({"n":{"N":"3.5"}})");
  EXPECT_EQ(updated("SET n = :v+:v", "{}", R"({":v":{"N":"1"}})"), R"({"n":{"N":"2"}})");
  EXPECT_EQ(updated("SET n = (:v + :v)", "{}", R"({":v":{"N":"1"}})"), R"({"n":{"N":"2"}})");
  EXPECT_EQ(updated("SET x = if_not_exists(x, :v)", "{}", R"({":v":{"N":"1"}})"), R"({"x":{"N":"1"}})");
  EXPECT_EQ(updated("SET x = if_not_exists(x, :v)", R"({"x":{"N":"7"}})", R"({":v":{"N":"1"}})"), R"({"x":{"N":"7"}})");
  EXPECT_EQ(updated("SET a = b, b = a", R"({"a":{"S":"1"},"b":{"S":"2"}})"), R"({"a":{"S":"2"},"b":{"S":"1"}})");
  EXPECT_EQ(updated("set x = :v", "{}", R"({":v":{"N":"1"}})"), R"({"x":{"N":"1"}})");
}

TEST(Update, ListsAppendAndShift) {
  const char* list = R"({"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]}})";
  EXPECT_EQ(updated("SET l = list_append(l, :v)", list, R"({":v":{"L":[{"S":"z"}]}})"),
            R"({"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"S":"z"}]}})");
  EXPECT_EQ(updated("SET l = list_append(:v, l)", list, R"({":v":{"L":[{"S":"z"}]}})"),
            R"({"l":{"L":[{"S":"z"},{"N":"0"},{"N":"1"},{"N":"2"}]}})");
  EXPECT_EQ(updated("SET l[10] = :v", list, R"({":v":{"N":"9"}})"),
            R"({"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"N":"9"}]}})");
  EXPECT_EQ(updated("SET l[1] = :v", list, R"({":v":{"N":"9"}})"), R"({"l":{"L":[{"N":"0"},{"N":"9"},{"N":"2"}]}})");
  EXPECT_EQ(updated("REMOVE l[0], l[2]", list), R"({"l":{"L":[{"N":"1"}]}})");
  EXPECT_EQ(updated("REMOVE l[5]", list), list);
  EXPECT_EQ(updated("REMOVE a.b[1]", R"({"a":{"M":{"b":{"L":[{"S":"x"},{"S":"y"},{"S":"z"}]}}}})"),
            R"({"a":{"M":{"b":{"L":[{"S":"x"},{"S":"z"}]}}}})");
  EXPECT_EQ(updated("SET a.b[5] = :s, a.b[6] = :s", R"({"a":{"M":{"b":{"L":[]}}}})", R"({":s":{"S":"x"}})"),
            R"({"a":{"M":{"b":{"L":[{"S":"x"},{"S":"x"}]}}}})");
}

TEST(Update, AddAndDelete) {
  EXPECT_EQ(updated("ADD n :v", R"({"n":{"N":"5"}})", R"({":v":{"N":"1"}})"), R"({"n":{"N":"6"}})");
  EXPECT_EQ(updated("ADD z :v", "{}", R"({":v":{"N":"1"}})"), R"({"z":{"N":"1"}})");
  EXPECT_EQ(updated("ADD s :v", R"({"s":{"NS":["1","2"]}})", R"({":v":{"NS":["1","3"]}})"),
            R"({"s":{"NS":["1","2","3"]}})");
  EXPECT_EQ(updated("ADD s :v", "{}", R"({":v":{"SS":["a"]}})"), R"({"s":{"SS":["a"]}})");
  EXPECT_EQ(updated("DELETE s :v", R"({"s":{"SS":["a","b"]}})", R"({":v":{"SS":["a"]}})"), R"({"s":{"SS":["b"]}})");
  EXPECT_EQ(updated("DELETE s :v", R"({"s":{"SS":["a","b"]}})", R"({":v":{"SS":["a","b"]}})"), "{}");
  EXPECT_EQ(updated("DELETE s :v", "{}", R"({":v":{"SS":["a"]}})"), "{}");
  EXPECT_EQ(updated("SET n = :v, n2 = :v REMOVE n3 ADD n4 :v DELETE n5 :s", R"({"n3":{"N":"1"}})",
                    R"({":v":{"N":"1"},":s":{"NS":["1"]}})"),
            R"({"n":{"N":"1"},"n2":{"N":"1"},"n4":{"N":"1"}})");
}

TEST(Update, ParseErrors) {
  const std::string p = "Invalid UpdateExpression: ";
  const char* v =
      R"({":s":{"S":"x"},":n":{"N":"1"},":l":{"L":[]},":ss":{"SS":["a"]},":m":{"M":{}},":bo":{"BOOL":true}})";
  auto e = [&](const std::string& text) {
    AttributeMap values = json_map(v);
    ExpressionAttributes attrs(nullptr, &values);
    auto parsed = parse_update(text, attrs, table_keys());
    return parsed ? std::string() : parsed.error().message;
  };
  EXPECT_EQ(e("SET a = :s SET b = :s"), p + "The \"SET\" section can only be used once in an update expression;");
  EXPECT_EQ(e("REMOVE a REMOVE b"), p + "The \"REMOVE\" section can only be used once in an update expression;");
  EXPECT_EQ(e("SET n = :n REMOVE x ADD y :n SET z = :n"),
            p + "The \"SET\" section can only be used once in an update expression;");
  EXPECT_EQ(e("SET a = :s, a.b = :s"), p + "Two document paths overlap with each other; must remove or rewrite one of "
                                           "these paths; path one: [a], path two: [a, b]");
  EXPECT_EQ(e("SET a = :s REMOVE a"), p + "Two document paths overlap with each other; must remove or rewrite one of "
                                          "these paths; path one: [a], path two: [a]");
  EXPECT_EQ(e("SET a[1] = :n, a.b = :n"), p + "Two document paths conflict with each other; must remove or rewrite "
                                              "one of these paths; path one: [a, [1]], path two: [a, b]");
  EXPECT_EQ(e("SET pk = :s"),
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute "
            "is part of the key");
  EXPECT_EQ(e("REMOVE sk"),
            "One or more parameter values were invalid: Cannot update attribute sk. This attribute "
            "is part of the key");
  EXPECT_EQ(e("SET pk = :s, pk = :s"), p + "Two document paths overlap with each other; must remove or rewrite one "
                                           "of these paths; path one: [pk], path two: [pk]");
  EXPECT_EQ(e(""), p + "The expression can not be empty;");
  EXPECT_EQ(e("SET"), p + "Syntax error; token: \"<EOF>\", near: \"SET\"");
  EXPECT_EQ(e("SET a = "), p + "Syntax error; token: \"<EOF>\", near: \"= \"");
  EXPECT_EQ(e("a = b"), p + "Syntax error; token: \"a\", near: \"a =\"");
  EXPECT_EQ(e("SET a = :s,"), p + "Syntax error; token: \"<EOF>\", near: \",\"");
  EXPECT_EQ(e("SET n :n"), p + "Syntax error; token: \":n\", near: \"n :n\"");
  EXPECT_EQ(e("SET n = -:n"), p + "Syntax error; token: \"-\", near: \"= -:n\"");
  EXPECT_EQ(e("ADD n, :n"), p + "Syntax error; token: \",\", near: \"n, :n\"");
  EXPECT_EQ(e("ADD n m"), p + "Syntax error; token: \"m\", near: \"n m\"");
  EXPECT_EQ(e("SET s = l[0] + l[1] + :n"), p + "Syntax error; token: \"+\", near: \"] + :n\"");
  EXPECT_EQ(e("SET n = if_not_exists(n, :n + :n)"), p + "Syntax error; token: \"+\", near: \":n + :n\"");
  EXPECT_EQ(e("SET (n) = :n"), p + "Syntax error; token: \"(\", near: \"SET (n\"");
  EXPECT_EQ(e("SET n = ((:n))"), p + "The expression has redundant parentheses;");
  EXPECT_EQ(e("SET n = year"), p + "Attribute name is a reserved keyword; reserved keyword: year");
  EXPECT_EQ(e("SET s = size(x)"), p + "The function is not allowed in an update expression; function: size");
  EXPECT_EQ(e("SET n = attribute_exists(n)"),
            p + "The function is not allowed in an update expression; function: attribute_exists");
  EXPECT_EQ(e("SET s = foo(:l)"), p + "Invalid function name; function: foo");
  EXPECT_EQ(e("SET s = list_append(:l)"), p + "Incorrect number of operands for operator or function; operator or "
                                              "function: list_append, number of operands: 1");
  EXPECT_EQ(e("SET n = n + :s"), p + "Incorrect operand type for operator or function; operator or function: +, "
                                     "operand type: S");
  EXPECT_EQ(e("SET n = :m - :n"), p + "Incorrect operand type for operator or function; operator or function: -, "
                                      "operand type: M");
  EXPECT_EQ(e("SET l = list_append(l, :n)"), p + "Incorrect operand type for operator or function; operator or "
                                                 "function: list_append, operand type: N");
  EXPECT_EQ(e("SET n = if_not_exists(:s, :n)"),
            p + "Operator or function requires a document path; operator or function: if_not_exists");
  EXPECT_EQ(e("ADD n :s"), p + "Incorrect operand type for operator or function; operator: ADD, operand type: STRING, "
                               "typeSet: ALLOWED_FOR_ADD_OPERAND");
  EXPECT_EQ(e("ADD n :bo"), p + "Incorrect operand type for operator or function; operator: ADD, operand type: "
                                "BOOLEAN, typeSet: ALLOWED_FOR_ADD_OPERAND");
  EXPECT_EQ(e("DELETE n :n"), p + "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                                  "NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND");
  EXPECT_EQ(e("DELETE n :l"), p + "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                                  "LIST, typeSet: ALLOWED_FOR_DELETE_OPERAND");
}

// Updates check target names, then overlaps, then value placeholders, then operand types (the
// last action written first), then names inside values, then key attributes.
TEST(Update, ReportsInDynamoDbOrder) {
  const std::string p = "Invalid UpdateExpression: ";
  auto e = [](const std::string& text) {
    AttributeMap values = json_map(R"({":s":{"S":"x"},":n":{"N":"1"}})");
    ExpressionAttributes attrs(nullptr, &values);
    auto parsed = parse_update(text, attrs, table_keys());
    return parsed ? std::string() : parsed.error().message;
  };
  EXPECT_EQ(e("SET a = :u, a = :n"), p + "Two document paths overlap with each other; must remove or rewrite one of "
                                         "these paths; path one: [a], path two: [a]");
  EXPECT_EQ(e("ADD o :n DELETE o :n"), p + "Two document paths overlap with each other; must remove or rewrite one "
                                           "of these paths; path one: [o], path two: [o]");
  EXPECT_EQ(e("SET a = :s + :n, b = :u"),
            p + "An expression attribute value used in expression is not defined; attribute value: :u");
  EXPECT_EQ(e("SET a = :s + :n, b = list_append(:n, :s)"),
            p + "Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
  EXPECT_EQ(e("SET b = list_append(:n, :s), a = :s + :n"),
            p + "Incorrect operand type for operator or function; operator or function: +, operand type: S");
  EXPECT_EQ(e("ADD p :s SET a = :s + :n"),
            p + "Incorrect operand type for operator or function; operator or function: +, operand type: S");
  EXPECT_EQ(e("SET a = :s + :n ADD p :s"), p + "Incorrect operand type for operator or function; operator: ADD, "
                                               "operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
  EXPECT_EQ(e("SET a = #u, b = :s + :n"),
            p + "Incorrect operand type for operator or function; operator or function: +, operand type: S");
  EXPECT_EQ(e("SET pk = :s + :n"),
            p + "Incorrect operand type for operator or function; operator or function: +, operand type: S");
  EXPECT_EQ(e("SET pk = :n REMOVE a, a"), p + "Two document paths overlap with each other; must remove or rewrite "
                                              "one of these paths; path one: [a], path two: [a]");
}

// A target whose enclosing map or list is missing is reported before a missing operand.
TEST(Update, ChecksTargetsBeforeReadingOperands) {
  EXPECT_EQ(updated("SET b = g, c.d = :s", "{}", R"({":s":{"S":"x"}})"),
            "The document path provided in the update expression is invalid for update");
  EXPECT_EQ(updated("SET a = :n - h, e[2] = :n", "{}", R"({":n":{"N":"1"}})"),
            "The document path provided in the update expression is invalid for update");
}

TEST(Update, ApplyErrorsLeaveItemUnchanged) {
  const char* v = R"({":s":{"S":"x"},":n":{"N":"1"},":l":{"L":[]},":ss":{"SS":["a"]},":ns":{"NS":["1"]}})";
  const std::string invalid = "The document path provided in the update expression is invalid for update";
  const std::string wrong = "An operand in the update expression has an incorrect data type";
  const std::string absent = "The provided expression refers to an attribute that does not exist in the item";
  auto e = [&](const std::string& text) {
    AttributeMap values = json_map(v);
    ExpressionAttributes attrs(nullptr, &values);
    auto update = parse_update(text, attrs, table_keys());
    EXPECT_TRUE(update.has_value()) << text;
    Item item = json_map(kItem);
    auto done = update->apply(item);
    EXPECT_EQ(item, json_map(kItem)) << text;
    return done ? std::string() : done.error().message;
  };
  EXPECT_EQ(e("SET x.y = :s"), invalid);
  EXPECT_EQ(e("SET a.b.c = :s"), invalid);
  EXPECT_EQ(e("SET s.x = :s"), invalid);
  EXPECT_EQ(e("SET l[1].x = :s"), invalid);
  EXPECT_EQ(e("SET absent[0] = :s"), invalid);
  EXPECT_EQ(e("REMOVE a.b[0].c"), invalid);
  EXPECT_EQ(e("REMOVE absent.y"), "");  // a REMOVE of a missing path removes nothing, silently
  EXPECT_EQ(e("ADD absent.b :n"), invalid);
  EXPECT_EQ(e("DELETE absent.b :ss"), invalid);
  EXPECT_EQ(e("SET n = s + :n"), wrong);
  EXPECT_EQ(e("ADD s :n"), wrong);
  EXPECT_EQ(e("ADD ss :ns"), wrong);
  EXPECT_EQ(e("ADD a.b :n"), wrong);
  EXPECT_EQ(e("DELETE ss :ns"), wrong);
  EXPECT_EQ(e("SET l = list_append(if_not_exists(n, :l), :l)"), wrong);
  EXPECT_EQ(e("SET n = absent + :n"), absent);
  EXPECT_EQ(e("SET x = absent"), absent);
  EXPECT_EQ(e("SET l = list_append(absent, :l)"), absent);
  EXPECT_EQ(e("SET n = n[0]"), absent);
}

TEST(Update, UpdatedPaths) {
  ExpressionAttributes attrs(nullptr, nullptr);
  auto update = parse_update("SET a.b[1] = c REMOVE d", attrs, table_keys());
  ASSERT_TRUE(update.has_value());
  auto paths = update->updated_paths();
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0].size(), 3u);
  EXPECT_EQ(paths[0][2].index, 1);
  EXPECT_EQ(paths[1][0].name, "d");
}

}  // namespace
}  // namespace eddy::expr::testing

namespace eddy::expr::testing {
namespace {

TEST(Update, NumberArithmeticIsExact) {
  EXPECT_EQ(updated("SET n = n + :v", R"({"n":{"N":"0.1"}})", R"({":v":{"N":"0.2"}})"), R"({"n":{"N":"0.3"}})");
  EXPECT_EQ(updated("SET n = n + :v", R"({"n":{"N":"99999999999999999999999999999999999999"}})", R"({":v":{"N":"1"}})"),
            R"({"n":{"N":"100000000000000000000000000000000000000"}})");
  EXPECT_EQ(updated("SET n = n + :v", R"({"n":{"N":"1"}})", R"({":v":{"N":"1E-38"}})"),
            "DynamoDB only supports precision up to 38 digits");
  EXPECT_EQ(updated("ADD n :v", R"({"n":{"N":"-1"}})", R"({":v":{"N":"1"}})"), R"({"n":{"N":"0"}})");
}

}  // namespace
}  // namespace eddy::expr::testing
