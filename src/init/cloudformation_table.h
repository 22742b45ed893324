// A template's table resources as TableDeclarations: AWS::DynamoDB::Table (cloudformation_table.cc),
// AWS::DynamoDB::GlobalTable (global_table.cc) and SAM's AWS::Serverless::SimpleTable. Their
// Properties arrive with the intrinsic functions already resolved; each becomes the CreateTable
// request CloudFormation would send, plus what CreateTable cannot say (Time to Live, PITR).
// Properties eddy does not apply (Kinesis, Contributor Insights, resource policies, ...) are
// named in one log line per resource.
#pragma once

#include <string>

#include "init/init_plan.h"
#include "protocol/json.h"

namespace eddy::init {

struct TableResource {
  std::string origin;               // "FILE, resource ID (TYPE)"
  std::string logical_id;           // the table's name when Properties has no TableName
  std::string region;               // AWS::Region: chooses a GlobalTable's replica
  JsonValue* properties = nullptr;  // null when the resource has none
};

Result<TableDeclaration> read_table(const TableResource& resource);
Result<TableDeclaration> read_global_table(const TableResource& resource);
Result<TableDeclaration> read_simple_table(const TableResource& resource);

// Shared by the readers: a declaration with the resource's origin and its TableName (or the logical
// id) in an otherwise empty CreateTable request, the StreamSpecification that CloudFormation
// gives as {StreamViewType}, TimeToLiveSpecification and PointInTimeRecoverySpecification.
TableDeclaration new_declaration(const TableResource& resource);
void put_stream_specification(JsonValue& properties, TableDeclaration& table);
void read_time_to_live(JsonValue& properties, TableDeclaration& table);
void read_point_in_time_recovery(JsonValue* specification, TableDeclaration& table);
// SSESpecification {SSEEnabled, SSEType, KMSMasterKeyId} as CreateTable's {Enabled, SSEType, KMSMasterKeyId}.
void put_sse_specification(JsonValue& properties, TableDeclaration& table);
// Logs the properties outside `applied`, once per resource.
void log_ignored(const TableResource& resource, std::initializer_list<std::string_view> applied);

}  // namespace eddy::init
