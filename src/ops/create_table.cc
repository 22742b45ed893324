// CreateTable: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
// The request describes the table (protocol/requests/create_table.h); here it gets what only the
// catalog knows — its ids (given by the catalog), TableId, region and account, times, stream
// label — and is stored.
#include "model/errors.h"
#include "model/random_ids.h"
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_label.h"
#include "ops/table_lookup.h"

namespace eddy::ops {
namespace {

constexpr std::size_t kMaxTables = 2500;

}  // namespace

Result<std::string> create_table(RequestContext& context, const p::CreateTableRequest& request) {
  // Tags count against the resource's 50 as TagResource's do.
  if (request.table.tags.size() > errors::kMaxTagsPerResource) return fail(errors::too_many_tags());
  auto& catalog = context.database().catalog();
  double now = context.now();
  EDDY_TRY(engine::TablePtr created, catalog.create(request.table, [&](TableDefinition& table) -> Result<void> {
    if (catalog.names().size() >= kMaxTables) {
      return fail(errors::subscriber_limit_exceeded("Only " + std::to_string(kMaxTables) + " tables are allowed"));
    }
    table.table_id = random_uuid();
    table.region = context.region;
    table.account_id = context.state.settings.account_id;
    table.creation_time = static_cast<double>(static_cast<int64_t>(now * 1000)) / 1000;
    if (table.billing_mode == "PAY_PER_REQUEST") table.billing_mode_last_update = table.creation_time;
    if (table.stream.enabled) table.stream.label = stream_label(now);
    table.status = "ACTIVE";
    return {};
  }));
  TableDefinition shown = *created;
  if (context.state.settings.delay_transient_statuses) shown.status = "CREATING";
  return table_description_response(context, "TableDescription", shown);
}

}  // namespace eddy::ops
