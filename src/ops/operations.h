// Declarations of every operation handler (one .cc file each, named after the operation).
#pragma once

#include "ops/operation_table.h"

namespace eddy::ops {

// Tables
Result<std::string> create_table(RequestContext& context, const JsonValue& request);
Result<std::string> describe_table(RequestContext& context, const JsonValue& request);
Result<std::string> list_tables(RequestContext& context, const JsonValue& request);
Result<std::string> delete_table(RequestContext& context, const JsonValue& request);
Result<std::string> update_table(RequestContext& context, const JsonValue& request);
// Items
Result<std::string> put_item(RequestContext& context, const JsonValue& request);
Result<std::string> get_item(RequestContext& context, const JsonValue& request);
Result<std::string> delete_item(RequestContext& context, const JsonValue& request);
Result<std::string> update_item(RequestContext& context, const JsonValue& request);
// Reads
Result<std::string> query(RequestContext& context, const JsonValue& request);
Result<std::string> scan(RequestContext& context, const JsonValue& request);
// Batches and transactions
Result<std::string> batch_get_item(RequestContext& context, const JsonValue& request);
Result<std::string> batch_write_item(RequestContext& context, const JsonValue& request);
Result<std::string> transact_get_items(RequestContext& context, const JsonValue& request);
Result<std::string> transact_write_items(RequestContext& context, const JsonValue& request);
// Time to live
Result<std::string> update_time_to_live(RequestContext& context, const JsonValue& request);
Result<std::string> describe_time_to_live(RequestContext& context, const JsonValue& request);
// DynamoDB Streams
Result<std::string> list_streams(RequestContext& context, const JsonValue& request);
Result<std::string> describe_stream(RequestContext& context, const JsonValue& request);
Result<std::string> get_shard_iterator(RequestContext& context, const JsonValue& request);
Result<std::string> get_records(RequestContext& context, const JsonValue& request);

// Tags, limits and endpoints
Result<std::string> tag_resource(RequestContext& context, const JsonValue& request);
Result<std::string> untag_resource(RequestContext& context, const JsonValue& request);
Result<std::string> list_tags_of_resource(RequestContext& context, const JsonValue& request);
Result<std::string> describe_limits(RequestContext& context, const JsonValue& request);
Result<std::string> describe_endpoints(RequestContext& context, const JsonValue& request);

}  // namespace eddy::ops
