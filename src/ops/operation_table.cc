// Every operation eddy serves, each the reader of its request paired with the operation. Keep the
// list sorted by service, then name.
#include "ops/operation_table.h"

#include <array>

#include "model/result.h"
#include "ops/operations.h"
#include "ops/transfer_operations.h"

namespace eddy::ops {
namespace {

// Reads the request with `read` (protocol/requests/) and performs it with `perform` (operations.h).
template <auto read, auto perform>
Result<std::string> serve(RequestContext& context, const JsonValue& json) {
  EDDY_TRY(const auto& request, read(json));
  return perform(context, request);
}

struct Entry {
  std::string_view service;
  std::string_view name;
  Operation operation;
};

constexpr std::array kOperations = {
    Entry{kDynamoDbPrefix, "BatchExecuteStatement", serve<p::read_batch_execute_statement, batch_execute_statement>},
    Entry{kDynamoDbPrefix, "BatchGetItem", serve<p::read_batch_get_item, batch_get_item>},
    Entry{kDynamoDbPrefix, "BatchWriteItem", serve<p::read_batch_write_item, batch_write_item>},
    Entry{kDynamoDbPrefix, "CreateBackup", serve<p::read_create_backup, create_backup>},
    Entry{kDynamoDbPrefix, "CreateTable", serve<p::read_create_table, create_table>},
    Entry{kDynamoDbPrefix, "DeleteBackup", serve<p::read_delete_backup, delete_backup>},
    Entry{kDynamoDbPrefix, "DeleteItem", serve<p::read_delete_item, delete_item>},
    Entry{kDynamoDbPrefix, "DeleteTable", serve<p::read_delete_table, delete_table>},
    Entry{kDynamoDbPrefix, "DescribeBackup", serve<p::read_describe_backup, describe_backup>},
    Entry{kDynamoDbPrefix, "DescribeContinuousBackups",
          serve<p::read_describe_continuous_backups, describe_continuous_backups>},
    Entry{kDynamoDbPrefix, "DescribeEndpoints", serve<p::read_describe_endpoints, describe_endpoints>},
    Entry{kDynamoDbPrefix, "DescribeExport", serve<p::read_describe_export, describe_export>},
    Entry{kDynamoDbPrefix, "DescribeImport", serve<p::read_describe_import, describe_import>},
    Entry{kDynamoDbPrefix, "DescribeLimits", serve<p::read_describe_limits, describe_limits>},
    Entry{kDynamoDbPrefix, "DescribeTable", serve<p::read_describe_table, describe_table>},
    Entry{kDynamoDbPrefix, "DescribeTimeToLive", serve<p::read_describe_time_to_live, describe_time_to_live>},
    Entry{kDynamoDbPrefix, "ExecuteStatement", serve<p::read_execute_statement, execute_statement>},
    Entry{kDynamoDbPrefix, "ExecuteTransaction", serve<p::read_execute_transaction, execute_transaction>},
    Entry{kDynamoDbPrefix, "ExportTableToPointInTime",
          serve<p::read_export_table_to_point_in_time, export_table_to_point_in_time>},
    Entry{kDynamoDbPrefix, "GetItem", serve<p::read_get_item, get_item>},
    Entry{kDynamoDbPrefix, "ImportTable", serve<p::read_import_table, import_table>},
    Entry{kDynamoDbPrefix, "ListBackups", serve<p::read_list_backups, list_backups>},
    Entry{kDynamoDbPrefix, "ListExports", serve<p::read_list_exports, list_exports>},
    Entry{kDynamoDbPrefix, "ListImports", serve<p::read_list_imports, list_imports>},
    Entry{kDynamoDbPrefix, "ListTables", serve<p::read_list_tables, list_tables>},
    Entry{kDynamoDbPrefix, "ListTagsOfResource", serve<p::read_list_tags_of_resource, list_tags_of_resource>},
    Entry{kDynamoDbPrefix, "PutItem", serve<p::read_put_item, put_item>},
    Entry{kDynamoDbPrefix, "Query", serve<p::read_query, query>},
    Entry{kDynamoDbPrefix, "RestoreTableFromBackup",
          serve<p::read_restore_table_from_backup, restore_table_from_backup>},
    Entry{kDynamoDbPrefix, "RestoreTableToPointInTime",
          serve<p::read_restore_table_to_point_in_time, restore_table_to_point_in_time>},
    Entry{kDynamoDbPrefix, "Scan", serve<p::read_scan, scan>},
    Entry{kDynamoDbPrefix, "TagResource", serve<p::read_tag_resource, tag_resource>},
    Entry{kDynamoDbPrefix, "TransactGetItems", serve<p::read_transact_get_items, transact_get_items>},
    Entry{kDynamoDbPrefix, "TransactWriteItems", serve<p::read_transact_write_items, transact_write_items>},
    Entry{kDynamoDbPrefix, "UntagResource", serve<p::read_untag_resource, untag_resource>},
    Entry{kDynamoDbPrefix, "UpdateContinuousBackups",
          serve<p::read_update_continuous_backups, update_continuous_backups>},
    Entry{kDynamoDbPrefix, "UpdateItem", serve<p::read_update_item, update_item>},
    Entry{kDynamoDbPrefix, "UpdateTable", serve<p::read_update_table, update_table>},
    Entry{kDynamoDbPrefix, "UpdateTimeToLive", serve<p::read_update_time_to_live, update_time_to_live>},
    Entry{kStreamsPrefix, "DescribeStream", serve<p::read_describe_stream, describe_stream>},
    Entry{kStreamsPrefix, "GetRecords", serve<p::read_get_records, get_records>},
    Entry{kStreamsPrefix, "GetShardIterator", serve<p::read_get_shard_iterator, get_shard_iterator>},
    Entry{kStreamsPrefix, "ListStreams", serve<p::read_list_streams, list_streams>},
};

}  // namespace

Operation find_operation(std::string_view service_prefix, std::string_view name) {
  for (const auto& entry : kOperations) {
    if (entry.service == service_prefix && entry.name == name) return entry.operation;
  }
  return nullptr;
}

}  // namespace eddy::ops
