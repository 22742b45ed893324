// Rendering one item change as the DynamoDB Streams "Record" JSON that GetRecords returns:
// eventID, eventName (INSERT/MODIFY/REMOVE), eventVersion "1.1", eventSource "aws:dynamodb",
// awsRegion, dynamodb {ApproximateCreationDateTime, Keys, NewImage, OldImage, SequenceNumber,
// SizeBytes, StreamViewType} and, for TTL deletions, userIdentity {PrincipalId, Type}.
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::streams {

struct RecordInput {
  const KeySchema* key = nullptr;
  const std::optional<Item>* old_item = nullptr;
  const std::optional<Item>* new_item = nullptr;
  bool expired_by_ttl = false;
  std::string_view view_type;
  std::string_view region;
  uint64_t sequence = 0;
  double now = 0;
};

// The record's JSON text. Requires at least one of old_item/new_item.
std::string render_record(const RecordInput& input);

}  // namespace eddy::streams
