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
  double now = 0;
};

// The record's JSON text, its SequenceNumber left as zeros: `sequence_at` is set to where its 21
// digits start, for set_record_sequence once the sequence is known (the record is rendered before
// the stream's lock is taken). Requires at least one of old_item/new_item.
std::string render_record(const RecordInput& input, std::size_t& sequence_at);
// Writes `sequence` (as format_sequence_number does) over the 21 digits at `sequence_at`.
void set_record_sequence(std::string& json, std::size_t sequence_at, uint64_t sequence);

}  // namespace eddy::streams
