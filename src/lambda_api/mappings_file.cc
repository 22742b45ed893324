// Reading --event-source-mappings; see mappings_file.h.
#include "lambda_api/mappings_file.h"

#include <fstream>
#include <sstream>

#include "lambda_api/mapping_request.h"
#include "protocol/json_parse.h"

namespace eddy::lambda_api {

Result<std::vector<triggers::EventSourceMapping>> read_mappings_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ApiError::internal("cannot read the event source mappings file " + path));
  std::stringstream text;
  text << in.rdbuf();
  JsonDocument document;
  if (parse_json(text.str(), document) != JsonParseOutcome::kParsed || !document.IsArray()) {
    return fail(ApiError::internal("the event source mappings file " + path +
                                   " is not a JSON list of CreateEventSourceMapping requests"));
  }
  std::vector<triggers::EventSourceMapping> mappings;
  std::size_t position = 0;
  for (const auto& entry : document.GetArray()) {
    ++position;
    auto problem = [&](const ApiError& error) {
      return ApiError::internal("the event source mappings file " + path + ", mapping " + std::to_string(position) +
                                ": " + error.message);
    };
    if (!entry.IsObject()) return fail(problem(ApiError::internal("not a JSON object")));
    auto members = read_mapping_members(entry, true);
    if (!members) return fail(problem(members.error()));
    auto mapping = mapping_to_create(*members, triggers::MappingOrigin::kFile);
    if (!mapping) return fail(problem(mapping.error()));
    mappings.push_back(std::move(*mapping));
  }
  return mappings;
}

}  // namespace eddy::lambda_api
