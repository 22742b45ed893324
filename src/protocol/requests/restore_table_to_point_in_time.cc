// RestoreTableToPointInTime's request declared; see restore_table_to_point_in_time.h.
#include "protocol/requests/restore_table_to_point_in_time.h"

#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

using R = RestoreTableToPointInTimeRequest;

// Exactly one source, and a time or the latest, never both.
Result<void> check_source_and_time(R& request, const JsonValue&) {
  if (request.source_table_arn.has_value() == request.source_table_name.has_value()) {
    return validation_error("Exactly one of SourceTableArn and SourceTableName must be specified");
  }
  bool latest = request.use_latest_restorable_time.value_or(false);
  if (latest && request.restore_date_time) {
    return validation_error("Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
  }
  if (!latest && !request.restore_date_time) {
    return validation_error("RestoreDateTime must be specified when UseLatestRestorableTime is not set to true");
  }
  return {};
}

}  // namespace

Result<RestoreTableToPointInTimeRequest> read_restore_table_to_point_in_time(const JsonValue& json) {
  static const Shape<R> shape{
      join<R>(Members<R>{member("SourceTableArn", &R::source_table_arn),
                         member("SourceTableName", &R::source_table_name, {name()}),
                         member("TargetTableName", &R::target_table_name, {required_parameter(), name()}),
                         member("UseLatestRestorableTime", &R::use_latest_restorable_time),
                         custom_member<R>(
                             "RestoreDateTime",
                             [](const JsonValue* value, R& out) { return read_date(value, out.restore_date_time); })},
              restore_override_members(&R::overrides)),
      {check_source_and_time}};
  return shape.read(json);
}

}  // namespace eddy::protocol
