// GET /eddy/v1/tables/<name>/point-in-time: what point-in-time recovery keeps of a table (the
// number of changes in its log and the base time), so that a test can see the log stay within
// the recovery window (docs/backups.md, docs/test-controls.md).
#include "admin/answer_json.h"
#include "admin/calls.h"
#include "admin/iso8601.h"

namespace eddy::admin {

AdminAnswer describe_point_in_time(AdminContext& context, const AdminCall& call) {
  const std::string& name = call.parameters.at(0);
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr) return not_found("Requested resource not found: Table: " + name + " not found");
  auto& log = context.database().point_in_time_log();
  auto changes = log.change_count(table->id);
  if (!changes) return api_failure(500, changes.error().type_name(), changes.error().message);
  auto base_ms = log.base_ms(table->id);
  if (!base_ms) return api_failure(500, base_ms.error().type_name(), base_ms.error().message);
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       put(w, "enabled", table->pitr.enabled);
                       put(w, "changes", *changes);
                       put(w, "base_time",
                           *base_ms == 0 ? std::string() : iso8601(static_cast<double>(*base_ms) / 1000));
                       w.EndObject();
                     }),
                     nullptr};
}

}  // namespace eddy::admin
