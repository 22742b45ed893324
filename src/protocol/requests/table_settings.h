// The table settings that CreateTable, UpdateTable and the tagging operations share, declared once:
// ProvisionedThroughput, StreamSpecification, SSESpecification and Tag.
#pragma once

#include <optional>
#include <string>

#include "model/table_definition.h"
#include "protocol/shape.h"

namespace eddy::protocol {

// ReadCapacityUnits and WriteCapacityUnits, both required and at least 1 (into the model's
// ProvisionedThroughput, whose other fields are eddy's record of changes).
const Shape<ProvisionedThroughput>& provisioned_throughput_shape();

struct StreamSpecification {
  std::optional<bool> stream_enabled;
  std::optional<std::string> stream_view_type;  // NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY
};
const Shape<StreamSpecification>& stream_specification_shape();
// The settings a specification asks for (no label: that is given when the stream is created).
StreamSettings stream_settings(const StreamSpecification& specification);

struct SseSpecification {
  std::optional<bool> enabled;
  std::optional<std::string> sse_type;
  std::optional<std::string> kms_master_key_id;
};
const Shape<SseSpecification>& sse_specification_shape();
// The description DescribeTable shows for a specification (SSEType KMS when enabled without one).
SseDescription sse_description(const SseSpecification& specification);

// Key (1 to 128 bytes) and Value (0 to 256 bytes).
const Shape<Tag>& tag_shape();

}  // namespace eddy::protocol
