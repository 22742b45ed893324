// EventSourceMappingConfiguration, the answer of every mapping operation, in Lambda's members and
// order (https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html).
// With `progress` (Get and List), eddy adds "EddyProgress": {"TableName", "Busy", "LagRecords",
// "LagSeconds", "Shards": [{"ShardId", "SequenceNumber", "Finished", "LagRecords",
// "LagSeconds"}]} — a member the SDKs do not know and leave aside, read by `eddy triggers list`.
#pragma once

#include <string>

#include "protocol/json.h"
#include "triggers/event_source_mapping.h"

namespace eddy::lambda_api {

void write_mapping(JsonWriter& writer, const triggers::MappingView& view, bool progress);
std::string mapping_json(const triggers::MappingView& view, bool progress);

}  // namespace eddy::lambda_api
