// ListEventSourceMappings: GET /2015-03-31/event-source-mappings/?EventSourceArn=&FunctionName=
// &Marker=&MaxItems= -> {"EventSourceMappings": [...], "NextMarker": "..."}, in creation order,
// MaxItems (1-10,000; Default: 100) a page. Each mapping carries eddy's progress (mapping_json.h).
// https://docs.aws.amazon.com/lambda/latest/api/API_ListEventSourceMappings.html
#include <algorithm>

#include "lambda_api/lambda_operations.h"
#include "lambda_api/mapping_json.h"
#include "lambda_api/member_reading.h"
#include "triggers/function_target.h"

namespace eddy::lambda_api {
namespace {

struct ListQuery {
  std::optional<std::string> event_source_arn;
  std::optional<std::string> function_name;
  std::optional<std::string> marker;
  int64_t max_items = 100;
};

Result<ListQuery> read_query(const LambdaRequest& request) {
  ListQuery query;
  Violations violations;
  for (const auto& [name, value] : request.query) {
    if (name == "EventSourceArn") query.event_source_arn = value;
    if (name == "FunctionName") query.function_name = value;
    if (name == "Marker") query.marker = value;
    if (name != "MaxItems") continue;
    char* end = nullptr;
    long long parsed = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0') return fail(wrong_type("MaxItems"));
    query.max_items = parsed;
    violations.range("maxItems", query.max_items, 1, 10000);
  }
  if (query.function_name) violations.length("functionName", *query.function_name, 1, 2048);
  EDDY_LAMBDA_TRY_VOID(violations.result());
  return query;
}

}  // namespace

Result<LambdaAnswer> list_event_source_mappings(LambdaContext& context, const LambdaRequest& request) {
  EDDY_LAMBDA_TRY(auto query, read_query(request));
  std::vector<triggers::MappingView> views = context.triggers.list(true);
  std::erase_if(views, [&](const triggers::MappingView& view) {
    const auto& m = view.mapping;
    if (query.event_source_arn && m.event_source_arn != *query.event_source_arn) return true;
    return query.function_name &&
           triggers::function_identity(m.settings.function_name) != triggers::function_identity(*query.function_name);
  });
  std::size_t start = 0;
  if (query.marker) {
    auto found = std::find_if(views.begin(), views.end(),
                              [&](const triggers::MappingView& view) { return view.mapping.uuid == *query.marker; });
    start = static_cast<std::size_t>(found - views.begin());
  }
  std::size_t end = std::min(views.size(), start + static_cast<std::size_t>(query.max_items));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("EventSourceMappings");
  w.StartArray();
  for (std::size_t i = start; i < end; ++i) write_mapping(w, views[i], true);
  w.EndArray();
  if (end < views.size()) {
    w.Key("NextMarker");
    w.String(views[end].mapping.uuid.c_str());
  }
  w.EndObject();
  return LambdaAnswer{200, std::string(buffer.GetString(), buffer.GetSize())};
}

}  // namespace eddy::lambda_api
