// Decoding and validating the schema parts of CreateTable/UpdateTable requests: KeySchema,
// AttributeDefinitions, ProvisionedThroughput, BillingMode, StreamSpecification, SSESpecification,
// Tags. Shared so that index definitions (LSI/GSI) reuse the same checks and messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/table_definition.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

struct KeySchemaInput {
  std::vector<std::pair<std::string, std::string>> elements;  // (AttributeName, KeyType) as given
};

// Reads a KeySchema array (member `name` of `object`), recording constraint violations under `path`.
Result<std::optional<KeySchemaInput>> read_key_schema(const JsonValue& object, const char* name, std::string_view path,
                                                      ConstraintViolations& violations);
// Reads AttributeDefinitions, recording constraint violations.
Result<std::optional<std::vector<KeyElement>>> read_attribute_definitions(const JsonValue& object,
                                                                          ConstraintViolations& violations);
// Reads ProvisionedThroughput; both units must be >= 1 (constraint violations under `path`).
Result<std::optional<ProvisionedThroughput>> read_throughput(const JsonValue& object, const char* name,
                                                             std::string_view path, ConstraintViolations& violations);

// Resolves a key schema against the attribute definitions: types, at most one HASH then RANGE.
// `what` is "Table" or "Index" for messages.
Result<KeySchema> resolve_key_schema(const KeySchemaInput& input, const std::vector<KeyElement>& definitions,
                                     bool multi_attribute_allowed);

// StreamSpecification {StreamEnabled, StreamViewType}.
Result<std::optional<StreamSettings>> read_stream_specification(const JsonValue& object,
                                                                ConstraintViolations& violations);
Result<std::optional<SseDescription>> read_sse_specification(const JsonValue& object);
Result<std::optional<std::vector<Tag>>> read_tags(const JsonValue& object, ConstraintViolations& violations);

// ISO-8601 label of a new stream, from `now` (epoch seconds): "2026-11-24T14:55:12.345".
std::string stream_label(double now);
// A random UUID (TableId).
std::string random_uuid();

}  // namespace eddy::ops
