// UpdateContinuousBackups' request declared; see update_continuous_backups.h.
#include "protocol/requests/update_continuous_backups.h"

#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

const Shape<PointInTimeRecoverySpecification>& specification_shape() {
  using S = PointInTimeRecoverySpecification;
  static const Shape<S> shape{"PointInTimeRecoverySpecification",
                              {member("PointInTimeRecoveryEnabled", &S::point_in_time_recovery_enabled, {required()}),
                               member("RecoveryPeriodInDays", &S::recovery_period_in_days, {range(1, 35)})}};
  return shape;
}

// RecoveryPeriodInDays only with PITR being enabled.
Result<void> check_period(UpdateContinuousBackupsRequest& request, const JsonValue&) {
  const auto& specification = *request.point_in_time_recovery_specification;
  if (specification.recovery_period_in_days && !specification.point_in_time_recovery_enabled.value_or(false)) {
    return validation_error("RecoveryPeriodInDays can only be specified when PointInTimeRecoveryEnabled is true");
  }
  return {};
}

}  // namespace

Result<UpdateContinuousBackupsRequest> read_update_continuous_backups(const JsonValue& json) {
  using R = UpdateContinuousBackupsRequest;
  static const Shape<R> shape{{member("TableName", &R::table_name, {required_parameter(), name()}),
                               member("PointInTimeRecoverySpecification", &R::point_in_time_recovery_specification,
                                      specification_shape(), {required()})},
                              {check_period}};
  return shape.read(json);
}

}  // namespace eddy::protocol
