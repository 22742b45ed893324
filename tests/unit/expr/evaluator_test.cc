// Condition evaluation: every comparator, BETWEEN, IN, the logical operators and the functions,
// with DynamoDB's type rules (different types compare false; absent attributes differ from all).
#include "test_support.h"

namespace eddy::expr::testing {
namespace {

constexpr const char* kItem = R"({"n1":{"N":"1"},"n2":{"N":"2"},"s":{"S":"h\u00e9llo"},"emoji":{"S":"\ud83d\ude00"},
  "b":{"B":"YWJj"},"bo":{"BOOL":true},"nu":{"NULL":true},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},
  "l":{"L":[{"S":"a"},{"N":"1"}]},"m":{"M":{"x":{"S":"y"},"deep":{"L":[{"M":{"z":{"N":"5"}}}]}}}})";
constexpr const char* kValues = R"({":n1":{"N":"1.00"},":n2":{"N":"2"},":n10":{"N":"10"},":s":{"S":"h\u00e9"},
  ":sz":{"S":"z"},":a":{"S":"a"},":b":{"B":"YWI="},":l":{"L":[{"S":"a"},{"N":"1"}]},":type":{"S":"SS"},
  ":nul":{"S":"NULL"},":five":{"N":"5"},":four":{"N":"4"},":one":{"N":"1"},":two":{"N":"2"},":y":{"S":"y"}})";

bool h(const std::string& text) {
  // Each check uses a subset of the values; unused values are not checked here.
  return holds(text, kItem, kValues);
}

TEST(Evaluate, ComparatorsOnNumbersStringsBinaries) {
  EXPECT_TRUE(h("n1 = :n1"));
  EXPECT_TRUE(h("n1 < :n2") && h("n1 <= :n1") && h("n2 > :n1") && h("n2 >= :n2"));
  EXPECT_FALSE(h("n2 < :n1"));
  EXPECT_TRUE(h("n2 < :n10"));  // numerically, not textually
  EXPECT_TRUE(h("s > :s") && h("s < :sz"));
  EXPECT_TRUE(h("b > :b"));
  EXPECT_TRUE(h("n1 <> :s"));
  EXPECT_FALSE(h("n1 < :s"));  // different types compare false
  EXPECT_FALSE(h("n1 > :s"));
}

TEST(Evaluate, MissingAttributes) {
  EXPECT_FALSE(h("absent = :n1"));
  EXPECT_TRUE(h("absent <> :n1"));
  EXPECT_FALSE(h("absent < :n1"));
  EXPECT_TRUE(h("NOT absent = :n1"));
  EXPECT_FALSE(h("absent BETWEEN :n1 AND :n2"));
  EXPECT_FALSE(h("absent IN (:n1)"));
}

TEST(Evaluate, DeepEqualityAndPaths) {
  EXPECT_TRUE(h("l = :l"));
  EXPECT_TRUE(h("l[0] = :a"));
  EXPECT_FALSE(h("l[5] = :a"));
  EXPECT_TRUE(h("m.x = :y"));
  EXPECT_TRUE(h("m.deep[0].z = :five"));
  EXPECT_TRUE(holds("#m.#x = :y", kItem, R"({":y":{"S":"y"}})", {{"#m", "m"}, {"#x", "x"}}));
}

TEST(Evaluate, BetweenAndIn) {
  EXPECT_TRUE(h("n1 BETWEEN :n1 AND :n2"));
  EXPECT_FALSE(h("n2 BETWEEN :four AND :five"));
  EXPECT_FALSE(h("s BETWEEN :n1 AND :n2"));
  EXPECT_TRUE(h("n1 IN (:s, :n1)"));
  EXPECT_FALSE(h("n2 IN (:s, :n1)"));
}

TEST(Evaluate, LogicalOperatorsAndPrecedence) {
  EXPECT_TRUE(h("n1 = :n1 OR n1 = :n2 AND n1 = :n2"));  // AND binds tighter than OR
  EXPECT_FALSE(h("(n1 = :n1 OR n1 = :n2) AND n1 = :n2"));
  EXPECT_TRUE(h("NOT n1 = :n2 AND n1 = :n1"));  // NOT binds tighter than AND
  EXPECT_FALSE(h("NOT (n1 = :n1 AND n1 = :n1)"));
}

TEST(Evaluate, Functions) {
  EXPECT_TRUE(h("attribute_exists(m.x)"));
  EXPECT_FALSE(h("attribute_exists(m.nope)"));
  EXPECT_TRUE(h("attribute_not_exists(absent)"));
  EXPECT_TRUE(h("attribute_type(ss, :type)"));
  EXPECT_TRUE(h("attribute_type(nu, :nul)"));
  EXPECT_FALSE(h("attribute_type(n1, :type)"));
  EXPECT_TRUE(h("begins_with(s, :s)"));
  EXPECT_TRUE(h("begins_with(b, :b)"));
  EXPECT_FALSE(h("begins_with(n1, :s)"));
  EXPECT_TRUE(h("contains(s, :s)"));
  EXPECT_TRUE(h("contains(ss, :a)"));
  EXPECT_TRUE(h("contains(ns, :n1)"));
  EXPECT_TRUE(h("contains(l, :n1)"));
  EXPECT_FALSE(h("contains(m, :y)"));
  EXPECT_TRUE(h("contains(b, :b)"));
}

TEST(Evaluate, SizeCountsUtf16UnitsBytesAndMembers) {
  EXPECT_TRUE(h("size(s) = :five"));     // "héllo": 5 characters (6 UTF-8 bytes)
  EXPECT_TRUE(h("size(emoji) = :two"));  // one surrogate pair
  EXPECT_TRUE(h("size(b) = :two") == false);
  EXPECT_TRUE(holds("size(b) = :n", kItem, R"({":n":{"N":"3"}})"));
  EXPECT_TRUE(h("size(ss) = :two") && h("size(l) = :two") && h("size(m) = :two"));
  EXPECT_FALSE(h("size(n1) = :one"));  // N has no size: false, not an error
  EXPECT_FALSE(h("size(bo) = :one"));
  EXPECT_TRUE(h("size(l) > size(ss)") == false);
}

TEST(Evaluate, EmptyItemMeansNoItem) {
  EXPECT_TRUE(holds("attribute_not_exists(pk)", "{}"));
  EXPECT_FALSE(holds("attribute_exists(pk)", "{}"));
}

// DynamoDB lists unused keys in Java HashSet order; keys sharing a hash bucket keep the request's
// order there, which eddy cannot see (it orders them by name), so these keys avoid collisions.
TEST(ExpressionAttributes, ListsUnusedKeysInDynamoDbOrder) {
  std::string values = "{";
  for (const char* key : {":zeta", ":a1", ":price", ":x", ":Y2", ":hello_world", ":q", ":n0", ":abc"}) {
    values += std::string(values.size() > 1 ? "," : "") + "\"" + key + "\":{\"S\":\"x\"}";
  }
  EXPECT_EQ(condition_error("a = b", values + "}"),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:Y2, :abc, :price, :q, :zeta, "
            ":a1, :hello_world, :n0, :x}");
  Names names;
  for (const char* key : {"#zeta", "#a1", "#b", "#price", "#x", "#Y2", "#hello_world", "#q", "#n0", "#m", "#n", "#o",
                          "#p", "#r", "#s", "#t", "#u", "#v", "#w"}) {
    names[key] = "x";
  }
  EXPECT_EQ(condition_error("a = :v", R"({":v":{"S":"x"}})", names),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n0, #m, #n, #o, #p, #q, "
            "#r, #s, #t, #u, #a1, #v, #w, #x, #hello_world, #Y2, #zeta, #b, #price}");
}

}  // namespace
}  // namespace eddy::expr::testing
