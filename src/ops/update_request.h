// UpdateItemRequest: an UpdateItem request read and checked in DynamoDB's order before the table
// is looked up: constraint violations, the legacy/expression mix, AttributeUpdates and Expected,
// ExpressionAttributeNames/Values, the UpdateExpression, the ConditionExpression, then unused
// placeholders. What needs the table (key schema, key attributes not updatable, index key types,
// item size) is checked by update_item.cc.
#pragma once

#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "ops/item_request.h"
#include "ops/write_condition.h"
#include "protocol/json.h"

namespace eddy::ops {

struct UpdateItemRequest {
  CommonItemRequest common;
  Item key;
  expr::Update update;  // empty when the request has no update: the item is still created
  WriteCondition condition;
};

Result<UpdateItemRequest> read_update_item_request(const JsonValue& request);

// "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part
// of the key" when the update touches a key attribute of `table` (or a path inside one).
Result<void> check_key_attributes_not_updated(const TableDefinition& table, const expr::Update& update);

// The index key checks DynamoDB makes on the item an update produced, with the update's wording
// for empty values ("The update expression attempted to update a secondary index key to a value
// that is not supported..."), then every check of a stored item, with the update's wording for
// the size limit ("Item size to update has exceeded the maximum allowed size").
Result<void> validate_updated_item(const TableDefinition& table, const Item& item);

}  // namespace eddy::ops
