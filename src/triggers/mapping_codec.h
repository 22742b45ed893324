// A mapping's persisted descriptor (engine/trigger_log.h stores the bytes).
//
// Format: one JSON object with Lambda's member names for the settings (FunctionName, Enabled,
// BatchSize, MaximumBatchingWindowInSeconds, ParallelizationFactor, FilterPatterns,
// OnFailureDestination, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError,
// MaximumRetryAttempts, TumblingWindowInSeconds, ReportBatchItemFailures) and eddy's for the rest
// (UUID, EventSourceArn, TableName, StartingPosition, FunctionArn, Region, CreatedAt,
// LastModified, Origin "api" | "file"). Members may be added; none may change meaning: persisted.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "triggers/event_source_mapping.h"

namespace eddy::triggers {

std::string encode_mapping(const EventSourceMapping& mapping);
std::optional<EventSourceMapping> decode_mapping(std::string_view text);

}  // namespace eddy::triggers
