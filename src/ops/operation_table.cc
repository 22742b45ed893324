// Every operation eddy serves. Keep the list sorted by service, then name.
#include "ops/operation_table.h"

#include <array>

#include "ops/operations.h"

namespace eddy::ops {
namespace {

struct Entry {
  std::string_view service;
  std::string_view name;
  Operation operation;
};

constexpr std::array kOperations = {
    Entry{kDynamoDbPrefix, "BatchGetItem", batch_get_item},
    Entry{kDynamoDbPrefix, "BatchWriteItem", batch_write_item},
    Entry{kDynamoDbPrefix, "CreateTable", create_table},
    Entry{kDynamoDbPrefix, "DeleteItem", delete_item},
    Entry{kDynamoDbPrefix, "DeleteTable", delete_table},
    Entry{kDynamoDbPrefix, "DescribeEndpoints", describe_endpoints},
    Entry{kDynamoDbPrefix, "DescribeLimits", describe_limits},
    Entry{kDynamoDbPrefix, "DescribeTable", describe_table},
    Entry{kDynamoDbPrefix, "DescribeTimeToLive", describe_time_to_live},
    Entry{kDynamoDbPrefix, "GetItem", get_item},
    Entry{kDynamoDbPrefix, "ListTables", list_tables},
    Entry{kDynamoDbPrefix, "ListTagsOfResource", list_tags_of_resource},
    Entry{kDynamoDbPrefix, "PutItem", put_item},
    Entry{kDynamoDbPrefix, "Query", query},
    Entry{kDynamoDbPrefix, "Scan", scan},
    Entry{kDynamoDbPrefix, "TagResource", tag_resource},
    Entry{kDynamoDbPrefix, "TransactGetItems", transact_get_items},
    Entry{kDynamoDbPrefix, "TransactWriteItems", transact_write_items},
    Entry{kDynamoDbPrefix, "UntagResource", untag_resource},
    Entry{kDynamoDbPrefix, "UpdateItem", update_item},
    Entry{kDynamoDbPrefix, "UpdateTable", update_table},
    Entry{kDynamoDbPrefix, "UpdateTimeToLive", update_time_to_live},
    Entry{kStreamsPrefix, "DescribeStream", describe_stream},
    Entry{kStreamsPrefix, "GetRecords", get_records},
    Entry{kStreamsPrefix, "GetShardIterator", get_shard_iterator},
    Entry{kStreamsPrefix, "ListStreams", list_streams},
};

}  // namespace

Operation find_operation(std::string_view service_prefix, std::string_view name) {
  for (const auto& entry : kOperations) {
    if (entry.service == service_prefix && entry.name == name) return entry.operation;
  }
  return nullptr;
}

}  // namespace eddy::ops
