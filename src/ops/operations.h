// Every operation, one .cc file each, named after it: a typed request (read and checked by
// protocol/requests/<operation>.h) in, the response body out. operation_table.cc pairs each with
// the reader of its request. Code that builds requests without JSON (PartiQL) calls these directly.
#pragma once

#include <string>

#include "model/api_error.h"
#include "ops/request_context.h"
#include "protocol/requests/batch_execute_statement.h"
#include "protocol/requests/batch_get_item.h"
#include "protocol/requests/batch_write_item.h"
#include "protocol/requests/create_backup.h"
#include "protocol/requests/create_table.h"
#include "protocol/requests/delete_backup.h"
#include "protocol/requests/delete_item.h"
#include "protocol/requests/delete_table.h"
#include "protocol/requests/describe_backup.h"
#include "protocol/requests/describe_continuous_backups.h"
#include "protocol/requests/describe_endpoints.h"
#include "protocol/requests/describe_limits.h"
#include "protocol/requests/describe_stream.h"
#include "protocol/requests/describe_table.h"
#include "protocol/requests/describe_time_to_live.h"
#include "protocol/requests/execute_statement.h"
#include "protocol/requests/execute_transaction.h"
#include "protocol/requests/get_item.h"
#include "protocol/requests/get_records.h"
#include "protocol/requests/get_shard_iterator.h"
#include "protocol/requests/list_backups.h"
#include "protocol/requests/list_streams.h"
#include "protocol/requests/list_tables.h"
#include "protocol/requests/list_tags_of_resource.h"
#include "protocol/requests/put_item.h"
#include "protocol/requests/query.h"
#include "protocol/requests/restore_table_from_backup.h"
#include "protocol/requests/restore_table_to_point_in_time.h"
#include "protocol/requests/scan.h"
#include "protocol/requests/tag_resource.h"
#include "protocol/requests/transact_get_items.h"
#include "protocol/requests/transact_write_items.h"
#include "protocol/requests/untag_resource.h"
#include "protocol/requests/update_continuous_backups.h"
#include "protocol/requests/update_item.h"
#include "protocol/requests/update_table.h"
#include "protocol/requests/update_time_to_live.h"

namespace eddy::ops {

namespace p = eddy::protocol;

// Tables
Result<std::string> create_table(RequestContext& context, const p::CreateTableRequest& request);
Result<std::string> describe_table(RequestContext& context, const p::DescribeTableRequest& request);
Result<std::string> list_tables(RequestContext& context, const p::ListTablesRequest& request);
Result<std::string> delete_table(RequestContext& context, const p::DeleteTableRequest& request);
Result<std::string> update_table(RequestContext& context, const p::UpdateTableRequest& request);
// Items
Result<std::string> put_item(RequestContext& context, const p::PutItemRequest& request);
Result<std::string> get_item(RequestContext& context, const p::GetItemRequest& request);
Result<std::string> delete_item(RequestContext& context, const p::DeleteItemRequest& request);
Result<std::string> update_item(RequestContext& context, const p::UpdateItemRequest& request);
// Reads
Result<std::string> query(RequestContext& context, const p::QueryRequest& request);
Result<std::string> scan(RequestContext& context, const p::ScanRequest& request);
// Batches and transactions
Result<std::string> batch_get_item(RequestContext& context, const p::BatchGetItemRequest& request);
Result<std::string> batch_write_item(RequestContext& context, const p::BatchWriteItemRequest& request);
Result<std::string> transact_get_items(RequestContext& context, const p::TransactGetItemsRequest& request);
Result<std::string> transact_write_items(RequestContext& context, const p::TransactWriteItemsRequest& request);
// PartiQL
Result<std::string> execute_statement(RequestContext& context, const p::ExecuteStatementRequest& request);
Result<std::string> batch_execute_statement(RequestContext& context, const p::BatchExecuteStatementRequest& request);
Result<std::string> execute_transaction(RequestContext& context, const p::ExecuteTransactionRequest& request);
// Time to live
Result<std::string> update_time_to_live(RequestContext& context, const p::UpdateTimeToLiveRequest& request);
Result<std::string> describe_time_to_live(RequestContext& context, const p::DescribeTimeToLiveRequest& request);
// DynamoDB Streams
Result<std::string> list_streams(RequestContext& context, const p::ListStreamsRequest& request);
Result<std::string> describe_stream(RequestContext& context, const p::DescribeStreamRequest& request);
Result<std::string> get_shard_iterator(RequestContext& context, const p::GetShardIteratorRequest& request);
Result<std::string> get_records(RequestContext& context, const p::GetRecordsRequest& request);
// Backups and point-in-time recovery (docs/backups.md)
Result<std::string> create_backup(RequestContext& context, const p::CreateBackupRequest& request);
Result<std::string> describe_backup(RequestContext& context, const p::DescribeBackupRequest& request);
Result<std::string> list_backups(RequestContext& context, const p::ListBackupsRequest& request);
Result<std::string> delete_backup(RequestContext& context, const p::DeleteBackupRequest& request);
Result<std::string> restore_table_from_backup(RequestContext& context, const p::RestoreTableFromBackupRequest& request);
Result<std::string> describe_continuous_backups(RequestContext& context,
                                                const p::DescribeContinuousBackupsRequest& request);
Result<std::string> update_continuous_backups(RequestContext& context,
                                              const p::UpdateContinuousBackupsRequest& request);
Result<std::string> restore_table_to_point_in_time(RequestContext& context,
                                                   const p::RestoreTableToPointInTimeRequest& request);
// Tags, limits and endpoints
Result<std::string> tag_resource(RequestContext& context, const p::TagResourceRequest& request);
Result<std::string> untag_resource(RequestContext& context, const p::UntagResourceRequest& request);
Result<std::string> list_tags_of_resource(RequestContext& context, const p::ListTagsOfResourceRequest& request);
Result<std::string> describe_limits(RequestContext& context, const p::DescribeLimitsRequest& request);
Result<std::string> describe_endpoints(RequestContext& context, const p::DescribeEndpointsRequest& request);

}  // namespace eddy::ops
