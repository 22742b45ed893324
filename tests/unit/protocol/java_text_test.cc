// Echoed values as DynamoDB's Java classes print them (protocol/java_text.h), against the texts
// recorded from AWS in 2026 and the service model's member order.
#include "protocol/java_text.h"

#include <gtest/gtest.h>

#include "protocol/json.h"

namespace eddy::protocol {
namespace {

std::string text_of(const char* json, std::string_view type) {
  JsonDocument document;
  document.Parse(json);
  EXPECT_FALSE(document.HasParseError()) << json;
  return java_text(document, type);
}

constexpr const char* kNullTypes =
    "n=null, b=null, iNT=null, dECIMAL=null, dOUBLE=null, sS=null, nS=null, bS=null, iNTSET=null, dECIMALSET=null, "
    "dOUBLESET=null, m=null, l=null, nULL=null, bOOL=null";

TEST(JavaText, ScalarsAreBare) {
  EXPECT_EQ(text_of(R"j("pk")j", ""), "pk");
  EXPECT_EQ(text_of("5", ""), "5");
  EXPECT_EQ(text_of("true", ""), "true");
  EXPECT_EQ(text_of(R"j(["a","b"])j", "[]"), "[a, b]");
  EXPECT_EQ(text_of("[]", "[]"), "[]");
  EXPECT_EQ(text_of(R"j({"#a":"x","#b":"y"})j", "{}"), "{#a=x, #b=y}");
}

TEST(JavaText, KeySchemaAsRecorded) {
  EXPECT_EQ(text_of(R"j([{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"},
                         {"KeyType":"RANGE","AttributeName":"extra"}])j",
                    "[KeySchemaElement]"),
            "[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=sk, keyType=RANGE), "
            "KeySchemaElement(attributeName=extra, keyType=RANGE)]");
}

TEST(JavaText, MembersNotSentAreNull) {
  EXPECT_EQ(text_of(R"j({"ProjectionType":"ALL"})j", "Projection"),
            "Projection(projectionType=ALL, nonKeyAttributes=null)");
  EXPECT_EQ(text_of(R"j({"IndexName":"g","Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["a"]},
                         "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":1}})j",
                    "GlobalSecondaryIndex"),
            "GlobalSecondaryIndex(indexName=g, keySchema=null, projection=Projection(projectionType=INCLUDE, "
            "nonKeyAttributes=[a]), provisionedThroughput=ProvisionedThroughput(readCapacityUnits=5, "
            "writeCapacityUnits=1))");
}

TEST(JavaText, BatchWriteRequestsAsRecorded) {
  EXPECT_EQ(
      text_of(R"j({"abc":[{"PutRequest":{"Item":{"pk":{"S":"bw-0"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"x"}}}}]})j",
              "{[WriteRequest]}"),
      std::string("{abc=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=bw-0, ") + kNullTypes +
          ")}, workloadProfileName=null), deleteRequest=null), WriteRequest(putRequest=null, "
          "deleteRequest=DeleteRequest(key={pk=AttributeValue(s=x, " +
          kNullTypes + ")}))]}");
}

TEST(JavaText, EveryAttributeValueType) {
  EXPECT_EQ(text_of(R"j({"N":"1.50"})j", "AttributeValue"),
            "AttributeValue(s=null, n=1.50, b=null, iNT=null, dECIMAL=null, dOUBLE=null, sS=null, nS=null, bS=null, "
            "iNTSET=null, dECIMALSET=null, dOUBLESET=null, m=null, l=null, nULL=null, bOOL=null)");
  std::string other =
      text_of(R"j({"M":{"a":{"BOOL":true}},"SS":["x","y"],"B":"AAEC","BS":["AA=="],"NULL":true})j", "AttributeValue");
  EXPECT_NE(other.find("b=java.nio.HeapByteBuffer[pos=0 lim=3 cap=3]"), std::string::npos) << other;
  EXPECT_NE(other.find("sS=[x, y]"), std::string::npos) << other;
  EXPECT_NE(other.find("bS=[java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]]"), std::string::npos) << other;
  EXPECT_NE(other.find("m={a=AttributeValue(s=null, "), std::string::npos) << other;
  EXPECT_NE(other.find("nULL=true, bOOL=null)"), std::string::npos) << other;
  EXPECT_NE(other.find("bOOL=true)}"), std::string::npos) << other;
  std::string list = text_of(R"j({"L":[{"S":"a"}]})j", "AttributeValue");
  EXPECT_NE(list.find(", m=null, l=[AttributeValue(s=a, n=null, "), std::string::npos) << list;
}

TEST(JavaText, AStructureOutsideTheModelPrintsItsMembersAsSent) {
  EXPECT_EQ(text_of(R"j({"Name":"a","Size":2})j", "Part"), "Part(name=a, size=2)");
}

}  // namespace
}  // namespace eddy::protocol
