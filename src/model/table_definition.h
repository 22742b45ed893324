// TableDefinition: everything eddy knows about a table (schema, indexes, billing, stream and TTL
// settings), as plain data. The catalog persists it (engine/catalog_codec) and DescribeTable renders
// it (protocol/table_description_json).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"

namespace eddy {

struct KeyElement {
  std::string name;
  AttributeType type = AttributeType::kS;  // S, N or B
};

// A key schema: the partition key (KeyType HASH on the wire) and the sort key (RANGE), each a list
// of attributes: one partition-key and at most one sort-key attribute for tables and LSIs; up to
// four of each for multi-attribute GSI keys.
struct KeySchema {
  std::vector<KeyElement> partition_key;
  std::vector<KeyElement> sort_key;  // empty without a sort key

  bool has_sort_key() const { return !sort_key.empty(); }
  // The partition key's first attribute: the only one of a table's or an LSI's key.
  const KeyElement& partition_attribute() const { return partition_key.front(); }
  // Names of every key attribute, partition first.
  std::vector<std::string> attribute_names() const;
  bool contains(const std::string& attribute) const;
};

struct IndexProjection {
  // Do not renumber: persisted in the catalog.
  enum class Type : uint8_t { kAll = 0, kKeysOnly = 1, kInclude = 2 };
  Type type = Type::kAll;
  std::vector<std::string> non_key_attributes;  // for kInclude
};

struct ProvisionedThroughput {
  int64_t read_capacity_units = 0;
  int64_t write_capacity_units = 0;
  int64_t number_of_decreases_today = 0;
  double last_increase_time = 0;  // epoch seconds, 0 when never
  double last_decrease_time = 0;
};

struct SecondaryIndex {
  std::string name;
  uint64_t id = 0;  // internal key prefix of the index's entries, unique in the database
  KeySchema key;
  IndexProjection projection;
  ProvisionedThroughput throughput;  // GSIs only
  std::string status = "ACTIVE";     // ACTIVE, CREATING, UPDATING, DELETING
  bool backfilling = false;
};

struct StreamSettings {
  bool enabled = false;
  std::string view_type;  // KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES
  std::string label;      // the latest stream's label (ISO-8601 timestamp), empty when never enabled
};

struct TimeToLiveSettings {
  bool enabled = false;
  std::string attribute_name;
};

struct Tag {
  std::string key;
  std::string value;
};

struct SseDescription {
  bool enabled = false;
  std::string sse_type;  // KMS, AES256
  std::string kms_master_key_id;
};

// Point-in-time recovery (UpdateContinuousBackups). While enabled, every item change of the table
// is also kept in the engine's point-in-time log (engine/point_in_time_log.h).
struct PointInTimeRecovery {
  bool enabled = false;
  int64_t recovery_period_days = 35;  // RecoveryPeriodInDays, 1 to 35
};

// Where a restored table came from (DescribeTable's RestoreSummary).
struct RestoreSummary {
  std::string source_backup_arn;  // empty for a point-in-time restore
  std::string source_table_arn;
  double restore_time = 0;  // RestoreDateTime: the backup's creation time, or the point in time
  bool in_progress = false;
};

struct TableDefinition {
  std::string name;
  uint64_t id = 0;       // internal key prefix of the table's items, unique in the database
  std::string table_id;  // DynamoDB's TableId, a UUID
  std::string region = "us-east-1";
  std::string account_id = "000000000000";
  std::string status = "ACTIVE";
  double creation_time = 0;  // epoch seconds with milliseconds
  KeySchema key;
  std::vector<KeyElement> attribute_definitions;
  std::string billing_mode = "PROVISIONED";  // PROVISIONED or PAY_PER_REQUEST
  double billing_mode_last_update = 0;
  ProvisionedThroughput throughput;
  std::string table_class = "STANDARD";
  bool deletion_protection = false;
  std::optional<SseDescription> sse;
  std::vector<Tag> tags;
  std::vector<SecondaryIndex> local_indexes;
  std::vector<SecondaryIndex> global_indexes;
  StreamSettings stream;
  TimeToLiveSettings ttl;
  PointInTimeRecovery pitr;
  std::optional<RestoreSummary> restore;

  std::string arn() const;         // arn:aws:dynamodb:<region>:<account>:table/<name>
  std::string stream_arn() const;  // <arn>/stream/<label>, empty when no label
  const SecondaryIndex* find_index(const std::string& index_name) const;
};

}  // namespace eddy
