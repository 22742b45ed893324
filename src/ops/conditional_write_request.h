// What PutItem and DeleteItem read alike, in DynamoDB's order: the shared members, the item or key,
// ReturnValues (NONE or ALL_OLD only), the condition, and the table.
#pragma once

#include "engine/catalog.h"
#include "ops/item_request.h"
#include "ops/request_context.h"
#include "ops/write_condition.h"

namespace eddy::ops {

struct ConditionalWriteRequest {
  CommonItemRequest common;
  Item attributes;  // the Item of PutItem, the Key of DeleteItem
  WriteCondition condition;
  engine::TablePtr table;
};

// `member` is "Item" or "Key"; `path` its name in constraint messages ("item", "key").
Result<ConditionalWriteRequest> read_conditional_write(RequestContext& context, const JsonValue& request,
                                                       const char* member, const char* path);

}  // namespace eddy::ops
