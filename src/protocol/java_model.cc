// The structures of DynamoDB's service model that constraint messages echo; see java_model.h.
// Written by scripts/java_model.py from botocore's copy of the model: do not edit by hand.
#include "protocol/java_model.h"

#include <algorithm>
#include <array>

namespace eddy::protocol {
namespace {

constexpr JavaMember kAttributeDefinition[] = {{"AttributeName", ""}, {"AttributeType", ""}};
constexpr JavaMember kBatchStatementRequest[] = {
    {"Statement", ""}, {"Parameters", "[AttributeValue]"}, {"ConsistentRead", ""}};
constexpr JavaMember kConditionCheck[] = {{"Key", "{AttributeValue}"},
                                          {"TableName", ""},
                                          {"ConditionExpression", ""},
                                          {"ExpressionAttributeNames", "{}"},
                                          {"ExpressionAttributeValues", "{AttributeValue}"},
                                          {"ReturnValuesOnConditionCheckFailure", ""}};
constexpr JavaMember kCreateGlobalSecondaryIndexAction[] = {{"IndexName", ""},
                                                            {"KeySchema", "[KeySchemaElement]"},
                                                            {"Projection", "Projection"},
                                                            {"ProvisionedThroughput", "ProvisionedThroughput"}};
constexpr JavaMember kCreateReplicationGroupMemberAction[] = {
    {"RegionName", ""},
    {"KMSMasterKeyId", ""},
    {"ProvisionedThroughputOverride", "ProvisionedThroughputOverride"},
    {"GlobalSecondaryIndexes", "[ReplicaGlobalSecondaryIndex]"},
    {"TableClassOverride", ""}};
constexpr JavaMember kDelete[] = {{"Key", "{AttributeValue}"},
                                  {"TableName", ""},
                                  {"ConditionExpression", ""},
                                  {"ExpressionAttributeNames", "{}"},
                                  {"ExpressionAttributeValues", "{AttributeValue}"},
                                  {"ReturnValuesOnConditionCheckFailure", ""}};
constexpr JavaMember kDeleteGlobalSecondaryIndexAction[] = {{"IndexName", ""}};
constexpr JavaMember kDeleteReplicationGroupMemberAction[] = {{"RegionName", ""}};
constexpr JavaMember kDeleteRequest[] = {{"Key", "{AttributeValue}"}};
constexpr JavaMember kGet[] = {
    {"Key", "{AttributeValue}"}, {"TableName", ""}, {"ProjectionExpression", ""}, {"ExpressionAttributeNames", "{}"}};
constexpr JavaMember kGlobalSecondaryIndex[] = {{"IndexName", ""},
                                                {"KeySchema", "[KeySchemaElement]"},
                                                {"Projection", "Projection"},
                                                {"ProvisionedThroughput", "ProvisionedThroughput"}};
constexpr JavaMember kGlobalSecondaryIndexUpdate[] = {{"Update", "UpdateGlobalSecondaryIndexAction"},
                                                      {"Create", "CreateGlobalSecondaryIndexAction"},
                                                      {"Delete", "DeleteGlobalSecondaryIndexAction"}};
constexpr JavaMember kKeySchemaElement[] = {{"AttributeName", ""}, {"KeyType", ""}};
constexpr JavaMember kKeysAndAttributes[] = {{"Keys", "[{AttributeValue}]"},
                                             {"AttributesToGet", "[]"},
                                             {"ConsistentRead", ""},
                                             {"ProjectionExpression", ""},
                                             {"ExpressionAttributeNames", "{}"}};
constexpr JavaMember kLocalSecondaryIndex[] = {
    {"IndexName", ""}, {"KeySchema", "[KeySchemaElement]"}, {"Projection", "Projection"}};
constexpr JavaMember kParameterizedStatement[] = {{"Statement", ""}, {"Parameters", "[AttributeValue]"}};
constexpr JavaMember kProjection[] = {{"ProjectionType", ""}, {"NonKeyAttributes", "[]"}};
constexpr JavaMember kProvisionedThroughput[] = {{"ReadCapacityUnits", ""}, {"WriteCapacityUnits", ""}};
constexpr JavaMember kProvisionedThroughputOverride[] = {{"ReadCapacityUnits", ""}};
constexpr JavaMember kPut[] = {{"Item", "{AttributeValue}"},
                               {"TableName", ""},
                               {"ConditionExpression", ""},
                               {"ExpressionAttributeNames", "{}"},
                               {"ExpressionAttributeValues", "{AttributeValue}"},
                               {"ReturnValuesOnConditionCheckFailure", ""}};
constexpr JavaMember kPutRequest[] = {{"Item", "{AttributeValue}"}, {"workloadProfileName", ""}};
constexpr JavaMember kReplicaGlobalSecondaryIndex[] = {
    {"IndexName", ""}, {"ProvisionedThroughputOverride", "ProvisionedThroughputOverride"}};
constexpr JavaMember kReplicationGroupUpdate[] = {{"Create", "CreateReplicationGroupMemberAction"},
                                                  {"Update", "UpdateReplicationGroupMemberAction"},
                                                  {"Delete", "DeleteReplicationGroupMemberAction"}};
constexpr JavaMember kTag[] = {{"Key", ""}, {"Value", ""}};
constexpr JavaMember kTransactGetItem[] = {{"Get", "Get"}};
constexpr JavaMember kTransactWriteItem[] = {
    {"ConditionCheck", "ConditionCheck"}, {"Put", "Put"}, {"Delete", "Delete"}, {"Update", "Update"}};
constexpr JavaMember kUpdate[] = {{"Key", "{AttributeValue}"},
                                  {"UpdateExpression", ""},
                                  {"TableName", ""},
                                  {"ConditionExpression", ""},
                                  {"ExpressionAttributeNames", "{}"},
                                  {"ExpressionAttributeValues", "{AttributeValue}"},
                                  {"ReturnValuesOnConditionCheckFailure", ""}};
constexpr JavaMember kUpdateGlobalSecondaryIndexAction[] = {{"IndexName", ""},
                                                            {"ProvisionedThroughput", "ProvisionedThroughput"}};
constexpr JavaMember kUpdateReplicationGroupMemberAction[] = {
    {"RegionName", ""},
    {"KMSMasterKeyId", ""},
    {"ProvisionedThroughputOverride", "ProvisionedThroughputOverride"},
    {"GlobalSecondaryIndexes", "[ReplicaGlobalSecondaryIndex]"},
    {"TableClassOverride", ""}};
constexpr JavaMember kWriteRequest[] = {{"PutRequest", "PutRequest"}, {"DeleteRequest", "DeleteRequest"}};

// Sorted by name.
constexpr std::array<JavaStructure, 30> kStructures{{
    {"AttributeDefinition", kAttributeDefinition},
    {"BatchStatementRequest", kBatchStatementRequest},
    {"ConditionCheck", kConditionCheck},
    {"CreateGlobalSecondaryIndexAction", kCreateGlobalSecondaryIndexAction},
    {"CreateReplicationGroupMemberAction", kCreateReplicationGroupMemberAction},
    {"Delete", kDelete},
    {"DeleteGlobalSecondaryIndexAction", kDeleteGlobalSecondaryIndexAction},
    {"DeleteReplicationGroupMemberAction", kDeleteReplicationGroupMemberAction},
    {"DeleteRequest", kDeleteRequest},
    {"Get", kGet},
    {"GlobalSecondaryIndex", kGlobalSecondaryIndex},
    {"GlobalSecondaryIndexUpdate", kGlobalSecondaryIndexUpdate},
    {"KeySchemaElement", kKeySchemaElement},
    {"KeysAndAttributes", kKeysAndAttributes},
    {"LocalSecondaryIndex", kLocalSecondaryIndex},
    {"ParameterizedStatement", kParameterizedStatement},
    {"Projection", kProjection},
    {"ProvisionedThroughput", kProvisionedThroughput},
    {"ProvisionedThroughputOverride", kProvisionedThroughputOverride},
    {"Put", kPut},
    {"PutRequest", kPutRequest},
    {"ReplicaGlobalSecondaryIndex", kReplicaGlobalSecondaryIndex},
    {"ReplicationGroupUpdate", kReplicationGroupUpdate},
    {"Tag", kTag},
    {"TransactGetItem", kTransactGetItem},
    {"TransactWriteItem", kTransactWriteItem},
    {"Update", kUpdate},
    {"UpdateGlobalSecondaryIndexAction", kUpdateGlobalSecondaryIndexAction},
    {"UpdateReplicationGroupMemberAction", kUpdateReplicationGroupMemberAction},
    {"WriteRequest", kWriteRequest},
}};

}  // namespace

const JavaStructure* java_structure(std::string_view name) {
  auto it = std::lower_bound(kStructures.begin(), kStructures.end(), name,
                             [](const JavaStructure& s, std::string_view n) { return s.name < n; });
  return it != kStructures.end() && it->name == name ? &*it : nullptr;
}

}  // namespace eddy::protocol
