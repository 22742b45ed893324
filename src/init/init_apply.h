// Applying an InitPlan at start (docs/init.md) through the operations themselves: each table is
// the CreateTable operation on its declared request (then UpdateTimeToLive), each items file is
// BatchWriteItem, 25 requests at a time. A table that already exists (a restart over the same data
// folder, say) is left as it is, and items are loaded only into tables this start created, so
// starting twice changes nothing.
#pragma once

#include "init/init_plan.h"
#include "ops/request_context.h"

namespace eddy::init {

// Every CreateTable request is read first; then the tables are created and the items loaded.
// Stops at the first failure, deleting the tables it created (so that the next start begins
// afresh), with the declaration's origin and DynamoDB's message, e.g.
// "--init t.yaml, resource Orders (AWS::DynamoDB::Table): One or more parameter values were invalid: ...".
Result<void> apply_init(ops::RequestContext& context, InitPlan& plan);

}  // namespace eddy::init
