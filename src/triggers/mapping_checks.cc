// What TriggerService checks of a mapping before it keeps it, in Lambda's words where Lambda has
// them: the event source (a DynamoDB stream of one of eddy's tables), one mapping per function and
// stream, the function, the filters and the on-failure destination.
#include <spdlog/spdlog.h>

#include "triggers/function_target.h"
#include "triggers/trigger_service.h"

namespace eddy::triggers {
namespace {

ApiError invalid(std::string message) { return ApiError{ErrorCode::kInvalidParameterValue, std::move(message), {}}; }

// "arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL" -> REGION, or "" when it is not one.
std::string stream_arn_region(const std::string& arn) {
  constexpr std::string_view kPrefix = "arn:aws:dynamodb:";
  if (!std::string_view(arn).starts_with(kPrefix)) return "";
  std::size_t region_end = arn.find(':', kPrefix.size());
  if (region_end == std::string::npos || arn.find(":table/", region_end) == std::string::npos ||
      arn.find("/stream/") == std::string::npos) {
    return "";
  }
  return arn.substr(kPrefix.size(), region_end - kPrefix.size());
}

}  // namespace

Result<void> TriggerService::check_source(EventSourceMapping& mapping, std::optional<streams::Stream>& stream) {
  if (mapping.event_source_arn.empty() && mapping.table_name.empty())
    return fail(invalid("Unrecognized event source."));
  if (!mapping.table_name.empty() && mapping.event_source_arn.empty()) {
    // A file mapping by TableName reads the table's current stream, once there is one.
    engine::TablePtr table = database_.catalog().find(mapping.table_name);
    if (table != nullptr) mapping.region = table->region;
    if (table == nullptr || !table->stream.enabled) return {};
    mapping.event_source_arn = table->stream_arn();
  }
  std::string region = stream_arn_region(mapping.event_source_arn);
  if (region.empty()) {
    return fail(
        invalid("Unrecognized event source: eddy's event source mappings read DynamoDB streams, "
                "arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL, not " +
                mapping.event_source_arn));
  }
  mapping.region = region;
  auto described = context_.streams.describe_stream(mapping.event_source_arn);
  if (!described) return fail(invalid("Stream not found: " + mapping.event_source_arn));
  stream = std::move(*described);
  return {};
}

Result<void> TriggerService::check_unique(const EventSourceMapping& mapping, const std::string& except_uuid) {
  std::string function = function_identity(mapping.settings.function_name);
  for (const auto& runner : runners_) {
    const EventSourceMapping& other = runner->config()->mapping;
    if (other.uuid == except_uuid || function_identity(other.settings.function_name) != function) continue;
    bool same_source = mapping.event_source_arn.empty() ? other.table_name == mapping.table_name
                                                        : other.event_source_arn == mapping.event_source_arn;
    if (!same_source) continue;
    std::string message = "The event source arn (\" ";
    message.append(mapping.event_source_arn.empty() ? mapping.table_name : mapping.event_source_arn)
        .append(" \") and function (\" ")
        .append(function)
        .append(" \") provided mapping already exists. Please update or delete the existing mapping with UUID ")
        .append(other.uuid);
    return fail(ApiError{ErrorCode::kResourceConflict, message, {}});
  }
  return {};
}

Result<std::shared_ptr<RunConfig>> TriggerService::compile(EventSourceMapping mapping, bool strict) {
  auto config = std::make_shared<RunConfig>();
  auto target =
      parse_function_name(mapping.settings.function_name, mapping.region, mapping.origin == MappingOrigin::kFile);
  if (!target) return fail(target.error());
  mapping.function_arn = target->arn;
  std::string problem;
  config->invoker = make_invoker(*target, context_.options.invoker, problem);
  if (config->invoker == nullptr) {
    // Lambda refuses a mapping to a function it does not have; eddy has none without an endpoint.
    if (strict) return fail(ApiError{ErrorCode::kResourceNotFound, "Function not found: " + target->arn, {}});
    config->invoker_problem = "Function not found: " + target->arn + " (" + problem + ")";
    spdlog::warn("trigger {}: {}", mapping.uuid, config->invoker_problem);
  }
  auto filters = FilterCriteria::parse(mapping.settings.filter_patterns);
  if (!filters) return fail(filters.error());
  config->filters = std::move(*filters);
  if (!mapping.settings.on_failure_destination.empty()) {
    auto destination = OnFailureDestination::parse(mapping.settings.on_failure_destination, database_);
    if (destination) {
      config->on_failure = std::move(*destination);
    } else if (strict) {
      return fail(destination.error());
    } else {
      spdlog::warn("trigger {}: on-failure destination: {}", mapping.uuid, destination.error().message);
    }
  }
  config->mapping = std::move(mapping);
  return config;
}

}  // namespace eddy::triggers
