// UpdateTable's request declared; see update_table.h.
#include "protocol/requests/update_table.h"

#include <set>

#include "model/errors.h"

namespace eddy::protocol {
namespace {

using R = UpdateTableRequest;

constexpr std::string_view kBillingModes[] = {"PROVISIONED", "PAY_PER_REQUEST"};
constexpr std::string_view kTableClasses[] = {"STANDARD", "STANDARD_INFREQUENT_ACCESS"};

const Shape<UpdateGlobalSecondaryIndexAction>& update_index_shape() {
  using A = UpdateGlobalSecondaryIndexAction;
  static const Shape<A> shape{
      "UpdateGlobalSecondaryIndexAction",
      {
          member("IndexName", &A::index_name, {required(), name()}),
          member("ProvisionedThroughput", &A::provisioned_throughput, provisioned_throughput_shape(), {required()})
              .nested_first(),
      }};
  return shape;
}

const Shape<DeleteGlobalSecondaryIndexAction>& delete_index_shape() {
  using A = DeleteGlobalSecondaryIndexAction;
  static const Shape<A> shape{"DeleteGlobalSecondaryIndexAction",
                              {member("IndexName", &A::index_name, {required(), name()})}};
  return shape;
}

const Shape<GlobalSecondaryIndexUpdate>& index_update_shape() {
  using A = GlobalSecondaryIndexUpdate;
  static const Shape<A> shape{"GlobalSecondaryIndexUpdate",
                              {
                                  member("Create", &A::create, global_index_shape()),
                                  member("Update", &A::update, update_index_shape()),
                                  member("Delete", &A::delete_action, delete_index_shape()),
                              }};
  return shape;
}

// Each update has one action; the updates name each index once, and create or delete one at most.
Result<void> check_index_updates(const std::vector<GlobalSecondaryIndexUpdate>& updates) {
  for (const auto& update : updates) {
    int actions =
        int(update.create.has_value()) + int(update.update.has_value()) + int(update.delete_action.has_value());
    if (actions == 0) return validation_error("Update global secondary index action is null");
    if (actions > 1) {
      return fail(errors::invalid_parameter(
          "One and only one of Create, Update or Delete must be specified in a GlobalSecondaryIndexUpdate"));
    }
  }
  if (updates.empty()) return validation_error("Nothing to update");
  std::set<std::string> names;
  int online = 0;
  for (const auto& update : updates) {
    if (!names.insert(update.index_name()).second) {
      return validation_error("Only one global secondary index update per index is allowed simultaneously.");
    }
    if (!update.update) ++online;
  }
  if (online > 1) {
    return fail(
        errors::subscriber_limit_exceeded("Only 1 online index can be created or deleted simultaneously per table"));
  }
  return {};
}

Result<void> check_stream(const StreamSpecification& specification) {
  StreamSettings requested = stream_settings(specification);
  if (requested.enabled && requested.view_type.empty()) {
    return fail(errors::invalid_parameter("If stream is being enabled then UpdateViewType is required"));
  }
  if (!requested.enabled && !requested.view_type.empty()) {
    return fail(errors::invalid_parameter("If stream is being disabled, then UpdateViewType must not be specified"));
  }
  return {};
}

Result<void> check_request(R& request, const JsonValue&) {
  if (request.stream_specification) EDDY_TRY_VOID(check_stream(*request.stream_specification));
  if (request.global_secondary_index_updates) {
    EDDY_TRY_VOID(check_index_updates(*request.global_secondary_index_updates));
  }
  return {};
}

const Shape<R>& shape() {
  static const Shape<R> shape{
      {
          member("TableName", &R::table_name, {required_parameter(), name()}),
          member("ProvisionedThroughput", &R::provisioned_throughput, provisioned_throughput_shape()),
          member("BillingMode", &R::billing_mode, {one_of(kBillingModes)}),
          member("DeletionProtectionEnabled", &R::deletion_protection_enabled),
          member("TableClass", &R::table_class, {one_of(kTableClasses)}),
          member("AttributeDefinitions", &R::attribute_definitions, attribute_definition_shape()),
          member("SSESpecification", &R::sse_specification, sse_specification_shape()),
          member("StreamSpecification", &R::stream_specification, stream_specification_shape()),
          member("GlobalSecondaryIndexUpdates", &R::global_secondary_index_updates, index_update_shape()),
      },
      {check_request}};
  return shape;
}

}  // namespace

const std::string& GlobalSecondaryIndexUpdate::index_name() const {
  if (create) return create->index_name;
  if (update) return update->index_name;
  return delete_action->index_name;
}

Result<UpdateTableRequest> read_update_table(const JsonValue& json) { return shape().read(json); }

}  // namespace eddy::protocol
