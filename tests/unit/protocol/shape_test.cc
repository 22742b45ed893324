// The declarative request reader (protocol/shape.h): every member's JSON type first, then every
// constraint reported together in declaration order (nested paths as DynamoDB names them), then the
// custom checks; and a few real request declarations read into their typed requests.
#include "protocol/shape.h"

#include <gtest/gtest.h>

#include "protocol/requests/batch_write_item.h"
#include "protocol/requests/create_table.h"
#include "protocol/requests/put_item.h"
#include "protocol/requests/query.h"
#include "protocol/requests/transact_get_items.h"

namespace eddy::protocol {
namespace {

enum class Color { kRed, kGreen };
constexpr EnumValues<Color, 2> kColors{{"RED", "GREEN"}, {Color::kRed, Color::kGreen}};

struct Part {
  std::string name;
  std::optional<int64_t> size;
};

struct Request {
  std::string table_name;
  std::optional<int64_t> limit;
  bool flag = false;
  Color color = Color::kRed;
  std::optional<std::vector<std::string>> names;
  std::optional<Part> part;
  std::vector<Part> parts;
  AttributeMap key;
};

const Shape<Part>& part_shape() {
  static const Shape<Part> shape{"Part",
                                 {
                                     member("Name", &Part::name, {required(), length(1, 3)}),
                                     member("Size", &Part::size, {range(0, 9)}),
                                 }};
  return shape;
}

int custom_checks_run = 0;

const Shape<Request>& request_shape() {
  using R = Request;
  static const Shape<R> shape{{
                                  member("TableName", &R::table_name, {required(), name()}),
                                  member("Limit", &R::limit, {range(1, 100)}),
                                  member("Flag", &R::flag),
                                  member("Color", &R::color, kColors),
                                  member("Names", &R::names, {length(1, 2)}),
                                  member("Part", &R::part, part_shape()),
                                  member("Parts", &R::parts, part_shape(), {length(0, 2)}),
                                  member("Key", &R::key),
                              },
                              {[](R& request, const JsonValue&) -> Result<void> {
                                ++custom_checks_run;
                                if (request.flag && !request.limit) return validation_error("Flag needs a Limit");
                                return {};
                              }}};
  return shape;
}

JsonDocument parse(const std::string& json) {
  JsonDocument document;
  document.Parse(json.c_str());
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

// The error of reading `json` with `read`, as "<code>: <message>"; "" when it is read.
template <typename F>
std::string error_of(F read, const std::string& json) {
  JsonDocument document = parse(json);
  auto result = read(document);
  if (result) return "";
  std::string kind = result.error().code == ErrorCode::kSerialization ? "Serialization" : "Validation";
  return kind + ": " + result.error().message;
}

std::string error_of(const std::string& json) {
  return error_of([](const JsonValue& json) { return request_shape().read(json); }, json);
}

TEST(Shape, ReadsEveryMemberIntoItsField) {
  JsonDocument document = parse(R"j({"TableName":"abc","Limit":7,"Flag":true,"Color":"GREEN","Names":["a"],
      "Part":{"Name":"p","Size":3},"Parts":[{"Name":"x"},{"Name":"y","Size":null}],"Key":{"k":{"S":"v"}}})j");
  auto request = request_shape().read(document);
  ASSERT_TRUE(request.has_value()) << request.error().message;
  EXPECT_EQ(request->table_name, "abc");
  EXPECT_EQ(request->limit, 7);
  EXPECT_TRUE(request->flag);
  EXPECT_EQ(request->color, Color::kGreen);
  EXPECT_EQ(request->names, std::vector<std::string>{"a"});
  ASSERT_TRUE(request->part.has_value());
  EXPECT_EQ(request->part->name, "p");
  EXPECT_EQ(request->part->size, 3);
  ASSERT_EQ(request->parts.size(), 2u);
  EXPECT_EQ(request->parts[1].name, "y");
  EXPECT_FALSE(request->parts[1].size.has_value());  // JSON null reads as absent
  EXPECT_EQ(request->key.at("k").scalar, "v");
}

TEST(Shape, WrongJsonTypesAreSerializationErrors) {
  EXPECT_EQ(error_of(R"j({"TableName":5})j"), "Serialization: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Limit":"7"})j"),
            "Serialization: STRING_VALUE cannot be converted to Integer");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Flag":1})j"),
            "Serialization: NUMBER_VALUE cannot be converted to Boolean");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Flag":"true"})j"), "Serialization: Unexpected token received from parser");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Flag":{}})j"),
            "Serialization: Start of structure or map found where not expected");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Flag":[]})j"),
            "Serialization: Unrecognized collection type class java.lang.Boolean");
  EXPECT_EQ(error_of(R"j({"TableName":2.5})j"), "Serialization: DECIMAL_VALUE cannot be converted to String");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Names":"a"})j"), "Serialization: Unexpected field type");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Names":[1]})j"),
            "Serialization: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Part":[]})j"),
            "Serialization: Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Part");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Part":1})j"), "Serialization: Unexpected field type");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Parts":[1]})j"), "Serialization: Unexpected value type in payload");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Parts":{}})j"),
            "Serialization: Start of structure or map found where not expected");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Parts":[{"Name":true}]})j"),
            "Serialization: TRUE_VALUE cannot be converted to String");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Key":{"k":{"S":1}}})j"),
            "Serialization: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Key":[]})j"),
            "Serialization: Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Key":{"k":{"L":[{"B":5}]}}})j"),
            "Serialization: only base-64-encoded strings are convertible to bytes");
}

TEST(Shape, JsonTypesAreCheckedBeforeAnyConstraint) {
  // The table name breaks its constraints, but the later member's type is reported first.
  EXPECT_EQ(error_of(R"j({"TableName":"a;","Parts":[{"Name":"abcd","Size":[]}]})j"),
            "Serialization: Unrecognized collection type class java.lang.Integer");
  // An invalid AttributeValue is reported after the later member's type and the constraints.
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Key":{"k":{}},"Flag":3})j"),
            "Serialization: NUMBER_VALUE cannot be converted to Boolean");
  EXPECT_EQ(error_of(R"j({"TableName":"a;","Key":{"k":{}}})j"),
            "Validation: 2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member "
            "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy "
            "constraint: Member must have length greater than or equal to 3");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Key":{"k":{}}})j"),
            "Validation: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  // A type error stops the request before its custom checks too.
  custom_checks_run = 0;
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Flag":true,"Limit":false})j"),
            "Serialization: FALSE_VALUE cannot be converted to Integer");
  EXPECT_EQ(custom_checks_run, 0);
}

TEST(Shape, RequiredMembers) {
  EXPECT_EQ(error_of("{}"),
            "Validation: 1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member "
            "must not be null");
  EXPECT_EQ(error_of(R"j({"TableName":null})j"),
            "Validation: 1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member "
            "must not be null");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Part":{}})j"),
            "Validation: 1 validation error detected: Value null at 'part.name' failed to satisfy constraint: Member "
            "must not be null");
}

TEST(Shape, ConstraintsAreReportedTogetherInDeclarationOrder) {
  EXPECT_EQ(error_of(R"j({"Color":"BLUE","Limit":0,"TableName":"a;b",
                         "Parts":[{"Name":"ok"},{"Name":"long","Size":10}],"Part":{"Name":""}})j"),
            "Validation: 6 validation errors detected: "
            "Value 'a;b' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
            "[a-zA-Z0-9_.-]+; "
            "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; "
            "Value 'BLUE' at 'color' failed to satisfy constraint: Member must satisfy enum value set: [RED, GREEN]; "
            "Value '' at 'part.name' failed to satisfy constraint: Member must have length greater than or equal to 1; "
            "Value 'long' at 'parts.2.member.name' failed to satisfy constraint: Member must have length less than "
            "or equal to 3; "
            "Value '10' at 'parts.2.member.size' failed to satisfy constraint: Member must have value less than or "
            "equal to 9");
}

TEST(Shape, ListsAreEchoedAsDeclared) {
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Names":["a","b","c"]})j"),
            "Validation: 1 validation error detected: Value '[a, b, c]' at 'names' failed to satisfy constraint: "
            "Member must have length less than or equal to 2");
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Parts":[{"Name":"a"},{"Name":"b"},{"Name":"c"}]})j"),
            "Validation: 1 validation error detected: Value '[Part(name=a), Part(name=b), Part(name=c)]' at 'parts' "
            "failed to satisfy constraint: Member must have length less than or equal to 2");
}

TEST(Shape, NameLengthIsAnOrdinaryConstraint) {
  EXPECT_EQ(error_of(R"j({"TableName":"ab"})j"),
            "Validation: 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member "
            "must have length greater than or equal to 3");
  // An empty name breaks the length, not the pattern.
  EXPECT_EQ(error_of(R"j({"TableName":"","Limit":500})j"),
            "Validation: 2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member "
            "must have length greater than or equal to 3; Value '500' at 'limit' failed to satisfy constraint: "
            "Member must have value less than or equal to 100");
}

TEST(Shape, CustomChecksRunAfterTheConstraints) {
  custom_checks_run = 0;
  EXPECT_EQ(error_of(R"j({"TableName":"ab;","Flag":true})j"),
            "Validation: 1 validation error detected: Value 'ab;' at 'tableName' failed to satisfy constraint: Member "
            "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  EXPECT_EQ(custom_checks_run, 0);
  EXPECT_EQ(error_of(R"j({"TableName":"abc","Flag":true})j"), "Validation: Flag needs a Limit");
  EXPECT_EQ(custom_checks_run, 1);
}

// Real declarations: PutItem's constraint order, its ReturnValues check and its typed request.
TEST(RequestShapes, PutItem) {
  EXPECT_EQ(error_of(read_put_item, R"j({"ReturnValues":"ALL","ReturnConsumedCapacity":"x"})j"),
            "Validation: 4 validation errors detected: "
            "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
            "Value 'ALL' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, "
            "UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
            "Value 'x' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: "
            "[INDEXES, TOTAL, NONE]; "
            "Value null at 'item' failed to satisfy constraint: Member must not be null");
  EXPECT_EQ(error_of(read_put_item, R"j({"TableName":"abc","Item":{},"ReturnValues":"ALL_NEW"})j"),
            "Validation: ReturnValues can only be ALL_OLD or NONE");
  EXPECT_EQ(error_of(read_put_item, R"j({"TableName":"abc","Item":{},"ExpressionAttributeNames":{"#a":"a"}})j"),
            "Validation: ExpressionAttributeNames can only be specified when using expressions");
  JsonDocument document = parse(R"j({"TableName":"abc","Item":{"pk":{"S":"1"}},"ReturnValues":"ALL_OLD",
      "ConditionExpression":"attribute_not_exists(pk)"})j");
  auto request = read_put_item(document);
  ASSERT_TRUE(request.has_value()) << request.error().message;
  EXPECT_EQ(request->table_name, "abc");
  EXPECT_EQ(request->return_values, ReturnValue::kAllOld);
  EXPECT_EQ(request->condition_expression, "attribute_not_exists(pk)");
  EXPECT_EQ(request->item.at("pk").scalar, "1");
}

// Nested paths through maps and lists of lists, as DynamoDB names them.
TEST(RequestShapes, BatchWriteItemPaths) {
  EXPECT_EQ(error_of(read_batch_write_item, R"j({"RequestItems":{"abc":[{"DeleteRequest":{}},{"PutRequest":{}}]}})j"),
            "Validation: 2 validation errors detected: "
            "Value null at 'requestItems.abc.member.1.member.deleteRequest.key' failed to satisfy constraint: Member "
            "must not be null; "
            "Value null at 'requestItems.abc.member.2.member.putRequest.item' failed to satisfy constraint: Member "
            "must not be null");
}

// TransactItems of the wrong length are not looked into.
TEST(RequestShapes, TransactItemsCountFirst) {
  std::string many = R"j({"TransactItems":[)j";
  for (int i = 0; i < 101; ++i) many += std::string(i ? "," : "") + R"j({"Get":{}})j";
  many += "]}";
  std::string echo;
  for (int i = 0; i < 101; ++i) {
    echo +=
        std::string(i ? ", " : "") +
        "TransactGetItem(get=Get(key=null, tableName=null, projectionExpression=null, expressionAttributeNames=null))";
  }
  EXPECT_EQ(
      error_of(read_transact_get_items, many),
      "Validation: 1 validation error detected: Value '[" + echo +
          "]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
  EXPECT_EQ(
      error_of(read_transact_get_items, R"j({"TransactItems":[{"Get":{}}]})j"),
      "Validation: 2 validation errors detected: "
      "Value null at 'transactItems.1.member.get.key' failed to satisfy constraint: Member must not be null; "
      "Value null at 'transactItems.1.member.get.tableName' failed to satisfy constraint: Member must not be null");
}

// A key schema's elements are checked before the list's own length; the table is resolved by the checks.
TEST(RequestShapes, CreateTable) {
  EXPECT_EQ(error_of(read_create_table, R"j({"TableName":"abc","AttributeDefinitions":[],
      "KeySchema":[{"AttributeName":"a","KeyType":"X"},{"AttributeName":"b","KeyType":"HASH"},
                   {"AttributeName":"c","KeyType":"RANGE"}]})j"),
            "Validation: 2 validation errors detected: "
            "Value 'X' at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must satisfy enum value "
            "set: [HASH, RANGE]; "
            "Value '[KeySchemaElement(attributeName=a, keyType=X), KeySchemaElement(attributeName=b, keyType=HASH), "
            "KeySchemaElement(attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member "
            "must have length less than or equal to 2");
  JsonDocument document = parse(R"j({"TableName":"abc","BillingMode":"PAY_PER_REQUEST",
      "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"N"}],
      "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})j");
  auto request = read_create_table(document);
  ASSERT_TRUE(request.has_value()) << request.error().message;
  EXPECT_EQ(request->table.name, "abc");
  EXPECT_EQ(request->table.billing_mode, "PAY_PER_REQUEST");
  ASSERT_EQ(request->table.key.partition_key.size(), 1u);
  EXPECT_EQ(request->table.key.partition_attribute().name, "pk");
  EXPECT_EQ(request->table.key.partition_attribute().type, AttributeType::kN);
}

// The members Query shares with Scan sit beside Query's own in the JSON.
TEST(RequestShapes, QueryReadsSharedMembers) {
  JsonDocument document = parse(R"j({"TableName":"abc","IndexName":"idx","Limit":5,"ScanIndexForward":false,
      "KeyConditionExpression":"pk = :v","ExpressionAttributeValues":{":v":{"N":"1"}}})j");
  auto request = read_query(document);
  ASSERT_TRUE(request.has_value()) << request.error().message;
  EXPECT_EQ(request->read.table_name, "abc");
  EXPECT_EQ(request->read.index_name, "idx");
  EXPECT_EQ(request->read.limit, 5);
  EXPECT_FALSE(request->scan_index_forward);
  EXPECT_EQ(request->key_condition_expression, "pk = :v");
  EXPECT_EQ(error_of(read_query, R"j({"TableName":"abc"})j"),
            "Validation: Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
            "request.");
}

}  // namespace
}  // namespace eddy::protocol
