// plan_statement: a bound statement and its table's definition to a Plan (plan.h), with the checks
// that need the table, in DynamoDB's words:
//   SELECT  the index exists; an equality or IN on the partition key (or an OR of equalities) makes a
//           Query, with the first sort-key condition as its key condition and the rest as its filter;
//           anything else is a Scan. Key values must have the key's type ("Key attribute's data type
//           should match its data type in table's schema: Key pk"), other comparisons of key
//           attributes too ("Condition parameter type does not match schema type"). ORDER BY only
//           names key attributes of what is read, and needs a WHERE with a partition-key condition.
//   INSERT  every key attribute present, of its type, not an empty string; no RETURNING.
//   UPDATE, DELETE, EXISTS
//           not on an index; WHERE holds an equality on every key attribute (one value each), the
//           rest is the condition; DELETE returns ALL OLD or nothing.
// `context` adds the refusals of batches (reads must be by full key) and transactions (no index
// reads, no RETURNING, EXISTS needs a full key and a condition).
#pragma once

#include "model/api_error.h"
#include "model/table_definition.h"
#include "partiql/binder.h"
#include "partiql/plan.h"

namespace eddy::partiql {

// `table` is the definition of bound_table(statement).table; looking it up (ResourceNotFoundException)
// is the operation's part.
Result<Plan> plan_statement(const BoundStatement& statement, const TableDefinition& table, StatementContext context);

// UPDATE may not set or remove a key attribute: "One or more parameter values were invalid: Cannot
// update attribute pk. This attribute is part of the key". DynamoDB checks this after the item's
// existence and condition (an UPDATE of an absent item that sets pk fails its condition), so the
// operation calls this once the condition holds.
Result<void> check_key_attributes_not_updated(const UpdatePlan& plan, const TableDefinition& table);

}  // namespace eddy::partiql
