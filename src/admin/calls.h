// The admin API's calls, one plain function each (route_table.cc lists them with their paths;
// docs/test-controls.md describes them). Grouped by what they control:
//   clock_calls.cc     GET/POST /eddy/v1/clock
//   snapshot_calls.cc  /eddy/v1/snapshots…, /eddy/v1/reset, /eddy/v1/tables/<name>/truncate
//   fault_calls.cc     /eddy/v1/faults…
//   stream_calls.cc    /eddy/v1/streams/<table>/rollover, split, mark, wait
//   trigger_calls.cc   /eddy/v1/triggers/<UUID>/wait
#pragma once

#include "admin/admin_call.h"
#include "admin/admin_context.h"

namespace eddy::admin {

AdminAnswer get_clock(AdminContext& context, const AdminCall& call);
AdminAnswer move_clock(AdminContext& context, const AdminCall& call);

AdminAnswer create_snapshot(AdminContext& context, const AdminCall& call);
AdminAnswer list_snapshots(AdminContext& context, const AdminCall& call);
AdminAnswer restore_snapshot(AdminContext& context, const AdminCall& call);
AdminAnswer delete_snapshot(AdminContext& context, const AdminCall& call);
AdminAnswer reset_database(AdminContext& context, const AdminCall& call);
AdminAnswer truncate_table(AdminContext& context, const AdminCall& call);

AdminAnswer add_fault(AdminContext& context, const AdminCall& call);
AdminAnswer list_faults(AdminContext& context, const AdminCall& call);
AdminAnswer delete_fault(AdminContext& context, const AdminCall& call);
AdminAnswer delete_faults(AdminContext& context, const AdminCall& call);

AdminAnswer roll_over_stream(AdminContext& context, const AdminCall& call);
AdminAnswer split_stream_shard(AdminContext& context, const AdminCall& call);
AdminAnswer mark_stream(AdminContext& context, const AdminCall& call);
AdminAnswer wait_for_stream(AdminContext& context, const AdminCall& call);

AdminAnswer wait_for_trigger(AdminContext& context, const AdminCall& call);

}  // namespace eddy::admin
